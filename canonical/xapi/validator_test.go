package xapi_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"slices"
	"testing"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/xapi"
	"github.com/lmshooks/lmshooks/internal/lrstest"
)

// validatorEnv names the npm prefix (a directory holding
// node_modules/@learninglocker/xapi-validation) for the validator test.
const validatorEnv = "LMSHOOKS_TEST_XAPI_VALIDATOR"

// problem is one problem Learning Locker's validator found.
type problem struct {
	Path string `json:"path"`
	Type string `json:"type"`
	Data any    `json:"data"`
}

// learningLockerProblems runs Learning Locker's validator over statements
// and returns the problems of each.
func learningLockerProblems(t *testing.T, statements any) [][]problem {
	t.Helper()
	prefix := os.Getenv(validatorEnv)
	if prefix == "" {
		t.Skipf("%s is not set: it names an npm prefix with @learninglocker/xapi-validation@3.0.0 installed (.ci/run sets it)", validatorEnv)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skipf("%s is set but node is not on PATH", validatorEnv)
	}
	input, err := json.Marshal(statements)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "testdata/validate.js", prefix)
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node validate.js: %v\n%s", err, stderr.Bytes())
	}
	var problems [][]problem
	if err := json.Unmarshal(out, &problems); err != nil {
		t.Fatalf("validator output: %v\n%s", err, out)
	}
	return problems
}

// TestLearningLockerValidatesGoldenStatements runs every statement of the
// .xapi.golden files through Learning Locker's own validator, and the
// documented bodies' statements under the other actor and language
// options: none may have a problem.
func TestLearningLockerValidatesGoldenStatements(t *testing.T) {
	statements := lrstest.GoldenStatements(t)
	statements = append(statements, asJSON(t, allStatements(t, slices.Concat(documentedOptions,
		[]xapi.Option{xapi.WithMboxSHA1Sum(), xapi.WithLanguage("pt-BR")})...))...)
	statements = append(statements, asJSON(t, allStatements(t, slices.Concat(documentedOptions, []xapi.Option{xapi.WithAlwaysAccount(),
		xapi.WithVendorHomePage(canonical.VendorBrainCert, "https://acme.braincert.com"), xapi.WithActivityBase("urn:acme:activities")})...))...)
	problems := learningLockerProblems(t, statements)
	if len(problems) != len(statements) {
		t.Fatalf("validator answered for %d statements, sent %d", len(problems), len(statements))
	}
	for i, p := range problems {
		for _, one := range p {
			t.Errorf("statement %v: %s: %s (got %v)", statements[i]["id"], one.Path, one.Type, one.Data)
		}
	}
	t.Logf("%d statements (the golden ones, and under other options), no problem", len(statements))
}

// TestLearningLockerValidatorFindsProblems checks that the harness does
// report problems, with statements that break the rules Validate checks.
func TestLearningLockerValidatorFindsProblems(t *testing.T) {
	good := allStatements(t)[0]
	noUUID, twoIDs, relativeIRI := good, good, good
	noUUID.ID = "1234"
	twoIDs.Actor.Account = &xapi.Account{HomePage: "https://example.com", Name: "1"}
	relativeIRI.Object.ID = "activities/1"
	problems := learningLockerProblems(t, []xapi.Statement{noUUID, twoIDs, relativeIRI})
	for i, want := range []string{"statement.id", "statement.actor", "statement.object.id"} {
		if len(problems[i]) == 0 || problems[i][0].Path != want {
			t.Errorf("statement %d: problems %+v, want one at %s", i, problems[i], want)
		}
		if err := []xapi.Statement{noUUID, twoIDs, relativeIRI}[i].Validate(); err == nil {
			t.Errorf("statement %d: Validate found no problem where Learning Locker did", i)
		}
	}
}
