package braincert_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lmshooks/lmshooks/braincert"
	"github.com/lmshooks/lmshooks/internal/golden"
	"github.com/lmshooks/lmshooks/internal/webhook"
)

// xmlEnvelope builds an XML body of the given topic around payload.
func xmlEnvelope(resource, action, payload string) string {
	return `<webhook><id>7</id><resource>` + resource + `</resource><action>` + action +
		`</action><created_at>2024-02-14T21:52:13.000Z</created_at><payload>` + payload + `</payload></webhook>`
}

func TestParseXMLRejects(t *testing.T) {
	checkRejections(t, braincert.ParseXML, []rejection{
		{"empty body", ``, braincert.ErrMalformed, "", ""},
		{"JSON", `{"id":"7"}`, braincert.ErrMalformed, "", ""},
		{"unclosed", `<webhook><id>7</id>`, braincert.ErrMalformed, "", ""},
		{"two roots", `<a></a><b></b>`, braincert.ErrMalformed, "", ""},
		{"text outside the root", `<a></a>text`, braincert.ErrMalformed, "", ""},
		{"mixed content", `<webhook>text<id>7</id></webhook>`, braincert.ErrMalformed, "", ""},
		{"undeclared entity", xmlEnvelope("course", "created", `<id>&secret;</id>`), braincert.ErrMalformed, "", ""},
		{"no resource", `<webhook><id>7</id><action>created</action></webhook>`, braincert.ErrNoEventType, "", ""},
		{"root is text", `<webhook>course</webhook>`, braincert.ErrMalformed, "", ""},
		{"bad created_at", `<webhook><id>7</id><resource>course</resource><action>created</action><created_at>soon</created_at></webhook>`, braincert.ErrMalformed, "", "created_at"},
		{"timestamp not a number", `<webhook><id>7</id><resource>course</resource><action>created</action><timestamp>null</timestamp></webhook>`, braincert.ErrMalformed, "", "timestamp"},
		{"resource with children", `<webhook><id>7</id><resource><x/></resource><action>created</action></webhook>`, braincert.ErrMalformed, "", "resource"},
		{"no id", `<webhook><resource>course</resource><action>created</action><created_at>2024-02-14T21:52:13Z</created_at></webhook>`, braincert.ErrInvalid, "course.created", "id"},
		{"course without id", xmlEnvelope("course", "created", `<name>x</name>`), braincert.ErrInvalid, "course.created", "payload.id"},
		{"payload is text", xmlEnvelope("course", "created", `x`), braincert.ErrMalformed, "course.created", "payload"},
		{"price not a number", xmlEnvelope("purchase", "completed", `<order_id>o</order_id><items><item><price>cheap</price></item></items>`), braincert.ErrMalformed, "purchase.completed", "payload.items[0].price"},
		{"quantity not an integer", xmlEnvelope("purchase", "completed", `<order_id>o</order_id><items><quantity>1.5</quantity></items>`), braincert.ErrMalformed, "purchase.completed", "payload.items[0].quantity"},
		{"bool not true or false", xmlEnvelope("product", "created", `<slug>s</slug><track_stock>yes</track_stock>`), braincert.ErrMalformed, "product.created", "payload.track_stock"},
		{"name with children", xmlEnvelope("course", "created", `<id>1</id><name><b>x</b></name>`), braincert.ErrMalformed, "course.created", "payload.name"},
		{"null final score", xmlEnvelope("assessment", "completed", `<id>1</id><final_score/><passing_score>5</passing_score><user><id>1</id></user>`), braincert.ErrInvalid, "assessment.completed", "payload.final_score"},
	})
}

// TestParseXMLRefusesDTD: entities are never expanded and nothing a DOCTYPE
// names is fetched: any DOCTYPE is refused.
func TestParseXMLRefusesDTD(t *testing.T) {
	for name, prolog := range map[string]string{
		"external entity": `<!DOCTYPE webhook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`,
		"external DTD":    `<!DOCTYPE webhook SYSTEM "http://127.0.0.1:1/evil.dtd">`,
		"billion laughs":  `<!DOCTYPE webhook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`,
		"plain doctype":   `<!DOCTYPE webhook>`,
	} {
		t.Run(name, func(t *testing.T) {
			body := `<?xml version="1.0"?>` + prolog + xmlEnvelope("course", "created", `<id>1</id><name>&xxe;&b;</name>`)
			_, err := braincert.ParseXML([]byte(body))
			assertParseError(t, err, braincert.ErrMalformed, "", "")
			assert.Contains(t, err.Error(), "DOCTYPE")
		})
	}
}

func TestParseXMLLimits(t *testing.T) {
	deep := strings.Repeat("<x>", 40) + strings.Repeat("</x>", 40)
	_, err := braincert.ParseXML([]byte(xmlEnvelope("badge", "earned", deep)))
	assertParseError(t, err, braincert.ErrMalformed, "", "")
	assert.Contains(t, err.Error(), "deeper")

	many := strings.Repeat("<x/>", 10_001)
	_, err = braincert.ParseXML([]byte(xmlEnvelope("badge", "earned", many)))
	assertParseError(t, err, braincert.ErrMalformed, "", "")
	assert.Contains(t, err.Error(), "elements")

	// Just inside both limits.
	ok := strings.Repeat("<x>", 29) + strings.Repeat("</x>", 29) + strings.Repeat("<y/>", 9_000)
	_, err = braincert.ParseXML([]byte(xmlEnvelope("badge", "earned", ok)))
	assert.NoError(t, err)
}

// TestParseXMLListForms: repeated and wrapped lists, of one item or more,
// give the JSON form's value.
func TestParseXMLListForms(t *testing.T) {
	want, err := braincert.Parse([]byte(envelope("user", "updated",
		`{"id":1,"roles":[{"role_id":"3","role_name":"Instructor"}],"groups":[{"group_id":"201","group_name":"A"},{"group_id":"202","group_name":"B"}],"custom_registration_fields":[]}`)))
	require.NoError(t, err)
	forms := map[string]string{
		"repeated": `<roles><role_id>3</role_id><role_name>Instructor</role_name></roles>` +
			`<groups><group_id>201</group_id><group_name>A</group_name></groups><groups><group_id>202</group_id><group_name>B</group_name></groups>` +
			`<custom_registration_fields/>`,
		"wrapped": `<roles><role><role_id>3</role_id><role_name>Instructor</role_name></role></roles>` +
			`<groups><group><group_id>201</group_id><group_name>A</group_name></group><group><group_id>202</group_id><group_name>B</group_name></group></groups>` +
			`<custom_registration_fields></custom_registration_fields>`,
	}
	for name, lists := range forms {
		t.Run(name, func(t *testing.T) {
			body := strings.Replace(xmlEnvelope("user", "updated", `<id>1</id>`+lists), "<action>", "<domain_id>d</domain_id><action>", 1)
			got, err := braincert.ParseXML([]byte(body))
			require.NoError(t, err)
			if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(webhook.Sent{})); diff != "" {
				t.Errorf("(-json +xml):\n%s", diff)
			}
			assert.NotNil(t, got.(*braincert.UserUpdated).Payload.CustomRegistrationFields, "an empty list element is an empty list")
		})
	}
}

// TestParseXMLLeniency: a root of any name, namespaces, attributes, CDATA,
// predefined entities, white space around numbers, and unknown elements.
func TestParseXMLLeniency(t *testing.T) {
	body := `<?xml version="1.0" encoding="UTF-8"?>
<!-- BrainCert -->
<bc:event xmlns:bc="urn:example" version="2">
  <bc:id>7</bc:id><resource>course</resource><action>created</action><domain_id>d</domain_id>
  <created_at> 2024-02-14T21:52:13.000Z </created_at><extra>ignored</extra>
  <payload><id> 909850 </id><name><![CDATA[Webhooks <101>]]> &amp; more</name><instructors><id>1</id></instructors></payload>
</bc:event>`
	event, err := braincert.ParseXML([]byte(body))
	require.NoError(t, err)
	course := event.(*braincert.CourseCreated)
	assert.Equal(t, braincert.ID{Value: "7"}, course.ID)
	assert.Equal(t, braincert.ID{Value: "909850", Numeric: true}, course.Payload.ID)
	assert.Equal(t, "Webhooks <101> & more", course.Payload.Name)
	assert.Equal(t, []braincert.Instructor{{ID: braincert.ID{Value: "1", Numeric: true}}}, course.Payload.Instructors)
}

// TestParseXMLIDForms: an ID is a number for JSON-integer text unless the
// docs send that key as a string.
func TestParseXMLIDForms(t *testing.T) {
	event, err := braincert.ParseXML([]byte(xmlEnvelope("user", "updated",
		`<id>2017237</id><groups><group_id>201</group_id></groups><roles><role_id>007</role_id></roles>`)))
	require.NoError(t, err)
	user := event.(*braincert.UserUpdated).Payload
	assert.Equal(t, braincert.ID{Value: "2017237", Numeric: true}, user.ID)
	assert.Equal(t, braincert.ID{Value: "201"}, user.Groups[0].GroupID, "group_id is tagged string")
	assert.Equal(t, braincert.ID{Value: "007"}, user.Roles[0].RoleID)

	event, err = braincert.ParseXML([]byte(xmlEnvelope("course", "created", `<id>0x1F</id>`)))
	require.NoError(t, err)
	assert.Equal(t, braincert.ID{Value: "0x1F"}, event.(*braincert.CourseCreated).Payload.ID, "not a JSON integer")
}

// TestParseXMLUnknownTopic: an unknown topic keeps its whole XML body as
// generic JSON.
func TestParseXMLUnknownTopic(t *testing.T) {
	body := `<webhook><id>9</id><resource>badge</resource><action>earned</action><created_at>2024-02-14T21:52:13Z</created_at>` +
		`<payload><badge><id>1</id><title>A &amp; B</title></badge><tags>x</tags><tags>y</tags><note/></payload></webhook>`
	event, err := braincert.ParseXML([]byte(body))
	require.NoError(t, err)
	unknown, ok := event.(*braincert.Unknown)
	require.True(t, ok, "got %T", event)
	assert.Equal(t, "badge.earned", unknown.EventName())
	assert.JSONEq(t, `{"id":"9","resource":"badge","action":"earned","created_at":"2024-02-14T21:52:13Z",
		"payload":{"badge":{"id":"1","title":"A & B"},"tags":["x","y"],"note":null}}`, string(unknown.Body))
	assert.Contains(t, string(unknown.Body), `"A & B"`, "no HTML escaping")
}

// TestParseXMLDocumentedTopics renders every documented JSON body as XML
// (repeated list form) and checks it parses to the same value.
func TestParseXMLDocumentedTopics(t *testing.T) {
	for _, path := range golden.Fixtures(t, fixtures, ".json") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			body := golden.Read(t, path)
			want, err := braincert.Parse(body)
			require.NoError(t, err)
			got, err := braincert.ParseXML(renderXML(t, body))
			require.NoError(t, err)
			if diff := cmp.Diff(want, got, cmp.AllowUnexported(webhook.Sent{})); diff != "" {
				t.Errorf("(-json +xml):\n%s", diff)
			}
		})
	}
}
