package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
)

// envPrefix starts the environment variable of every flag: -store is
// LMSHOOKS_STORE, -learnink-secret LMSHOOKS_LEARNINK_SECRET.
const envPrefix = "LMSHOOKS_"

// envName is the environment variable that sets the flag name.
func envName(name string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

// parseWithEnv parses args, then sets every flag of fs that args did not
// set from its environment variable, if that is set: flags win. It visits
// all of fs's flags, so that a flag added anywhere gets its variable.
func parseWithEnv(fs *flag.FlagSet, args []string, lookup func(string) (string, bool)) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var errs []error
	fs.VisitAll(func(f *flag.Flag) {
		if set[f.Name] {
			return
		}
		if value, ok := lookup(envName(f.Name)); ok {
			if err := fs.Set(f.Name, value); err != nil {
				// Never the value: it may be a secret.
				errs = append(errs, fmt.Errorf("%s: invalid value for -%s: %w", envName(f.Name), f.Name, err))
			}
		}
	})
	return errors.Join(errs...)
}

// readSecretFile returns the secret in the file at path, without the
// trailing newline an editor or `echo` leaves; an empty file is an error,
// so that a secret that failed to be written is not taken for none.
func readSecretFile(flagName, path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("-%s: %w", flagName, err)
	}
	secret := strings.TrimRight(string(b), "\r\n")
	if secret == "" {
		return "", fmt.Errorf("-%s: %s is empty", flagName, path)
	}
	return secret, nil
}
