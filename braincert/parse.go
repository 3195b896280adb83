package braincert

import (
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"strings"

	"github.com/lmshooks/lmshooks/internal/jsonscan"
	"github.com/lmshooks/lmshooks/internal/webhook"
	"github.com/lmshooks/lmshooks/internal/wire"
)

const vendor = "braincert"

// xmlMediaTypes are the Content-Types read as XML. BrainCert's form offers
// application/xml; text/xml is accepted too.
var xmlMediaTypes = []string{"application/xml", "text/xml"}

// Parse decodes and validates one BrainCert delivery sent as JSON. It
// returns a pointer to the topic's struct, or *Unknown for a resource and
// action it does not model. Errors are *ParseError values matching
// ErrMalformed (also for a body that repeats a name, or holds two names that
// differ only in case), ErrInvalid or ErrNoEventType. Of the options only
// WithLocation applies.
//
// resource and action are matched exactly as BrainCert spells them. The
// other fields keep encoding/json's matching, which also accepts a name in
// another case; since a body may not hold two names that differ only in
// case, such a name never shadows the documented one. The envelope's id must
// be a real id: a non-empty string that is not only white space, or a
// number other than 0.
func Parse(body []byte, opts ...Option) (Event, error) {
	cfg := newConfig(opts)
	return cfg.parse(body)
}

func (cfg *config) parse(body []byte) (Event, error) {
	// BrainCert's ids are its own (the envelope's id): no content sum.
	sent, err := webhook.CheckJSONWithoutSum(vendor, "", body)
	if err != nil {
		return nil, err
	}
	name, resource, action, err := topicOf(body)
	if err != nil {
		return nil, err
	}
	var event Event
	// A known topic's struct embeds the envelope: one decode reads both,
	// and the envelope is checked before the rest, as for an Unknown.
	if newEvent, known := newEventFor[Topic(name)]; known {
		event = newEvent()
		if err := webhook.UnmarshalJSON(vendor, name, body, event); err != nil {
			if _, headErr := decodeHead(body); headErr != nil {
				return nil, headErr // the envelope's error first, as for an Unknown
			}
			return nil, err
		}
		head := event.Header()
		head.Resource, head.Action = resource, action
		if err := checkHead(name, head); err != nil {
			return nil, err
		}
		if err := webhook.Validate(vendor, name, event); err != nil {
			return nil, err
		}
	} else {
		head, err := decodeHead(body)
		if err != nil {
			return nil, err
		}
		head.Resource, head.Action = resource, action
		if err := checkHead(name, &head); err != nil {
			return nil, err
		}
		event = &Unknown{Envelope: head, Body: sent.AsSent()}
	}
	wire.Relocate(cfg.location, event, timed.eachTime)
	return webhook.Keep(event, sent), nil
}

// topicOf reads the topic from the exact-case keys resource and action (not
// what encoding/json matches). Plain strings, the usual case, are cut from
// the one string of the name.
func topicOf(body []byte) (name, resource, action string, err error) {
	rawResource, _ := jsonscan.Exact(body, "resource")
	rawAction, _ := jsonscan.Exact(body, "action")
	r, plainResource := jsonscan.PlainBytes(rawResource)
	a, plainAction := jsonscan.PlainBytes(rawAction)
	if !plainResource || !plainAction {
		if resource, err = webhook.NameMember(vendor, body, "resource", "resource"); err != nil {
			return "", "", "", err
		}
		if action, err = webhook.NameMember(vendor, body, "action", "action"); err != nil {
			return "", "", "", err
		}
		r, a = []byte(resource), []byte(action)
	}
	if len(r) == 0 || len(a) == 0 {
		return "", "", "", &ParseError{Vendor: vendor, Kind: ErrNoEventType, Cause: errNoTopic}
	}
	name = string(r) + "." + string(a)
	return name, name[:len(r)], name[len(r)+1:], nil
}

// decodeHead reads the envelope alone.
func decodeHead(body []byte) (Envelope, error) {
	var head Envelope
	if err := json.Unmarshal(body, &head); err != nil {
		return Envelope{}, webhook.MalformedJSON(vendor, "", err)
	}
	return head, nil
}

var (
	errNoTopic = errors.New(`"resource" or "action" is missing or empty`)
	errBlankID = errors.New("id is empty, only white space, or 0")
)

// checkHead validates the envelope, and that its id is one that tells
// deliveries apart (an id of "  " or 0 would merge different events).
func checkHead(name string, head *Envelope) error {
	if err := webhook.Validate(vendor, name, head); err != nil {
		return err
	}
	if id := strings.TrimSpace(head.ID.Value); id == "" || (head.ID.Numeric && strings.Trim(id, "-0") == "") {
		return &ParseError{Vendor: vendor, Event: name, Field: "id", Kind: ErrInvalid, Cause: errBlankID}
	}
	return nil
}

// ParseXML decodes and validates one delivery sent as XML into the same
// structs as Parse. BrainCert does not document its XML form; this accepts
// a root element of any name whose child elements carry the JSON keys
// (<webhook><id>...</id><resource>...</resource>...<payload>...</payload>
// </webhook>), with these rules:
//
//   - the body is read as the JSON body it stands for (ParseXML returns
//     what Parse returns for that JSON, and AsSent is that JSON): text is
//     read by the field's type (a number, true or false, a string, a time),
//     exactly as the JSON value would be; an empty element (<avatar_url/>)
//     is null; an element no field models is kept as generic JSON (see
//     Unknown below);
//   - an element repeated where one value is expected is refused, as a
//     repeated JSON name is (ErrMalformed);
//   - a list is repeated elements named like the list
//     (<groups>...</groups><groups>...</groups>) or one element named like
//     the list wrapping the items (<items><item>...</item>...</items>);
//   - an id is a number when its text is a JSON integer, except the ids
//     the docs send as strings (the envelope's id, domain_id and tenant_id,
//     group_id and role_id in a user's lists, order_id);
//   - for an Unknown event, and for elements no field models, the element
//     tree is read as generic JSON: objects for elements with children,
//     arrays for repeated names, null for empty elements, strings for all
//     other text.
//
// The body may start with a UTF-8 byte order mark. A body with a DOCTYPE
// or any other <!...> declaration is refused, entity references other than
// XML's predefined five are errors, and nothing is ever fetched. The body
// may nest at most 32 elements deep and hold at most 10,000 elements.
func ParseXML(body []byte, opts ...Option) (Event, error) {
	cfg := newConfig(opts)
	return cfg.parseXML(body)
}

func (cfg *config) parseXML(body []byte) (Event, error) {
	root, err := readXML(body)
	if err != nil {
		return nil, &ParseError{Vendor: vendor, Kind: ErrMalformed, Cause: err}
	}
	asJSON, err := xmlAsJSON(root)
	if err != nil {
		return nil, err
	}
	return cfg.parse(asJSON)
}

// ParseRequest parses a delivery with its HTTP header, as Handler does:
// it checks the Content-Type (JSON or none, application/xml, text/xml) and
// that the body is not encoded (ErrUnsupportedMediaType), checks the Basic
// credentials given with WithBasicAuth in constant time (ErrUnauthorized;
// without WithBasicAuth any header is accepted; with an empty username or
// password, an error matching ErrEmptyCredentials whatever the header), then
// parses the body as XML or JSON by its Content-Type.
func ParseRequest(header http.Header, body []byte, opts ...Option) (Event, error) {
	cfg := newConfig(opts)
	if err := webhook.CheckHeader(header, xmlMediaTypes...); err != nil {
		return nil, err
	}
	if err := cfg.authenticate(header); err != nil {
		return nil, err
	}
	return cfg.parseBody(header, body)
}

// authenticate checks a request's Basic credentials against WithBasicAuth's.
func (cfg *config) authenticate(header http.Header) error {
	switch {
	case cfg.authErr != nil:
		return cfg.authErr
	case cfg.auth == nil:
		return nil
	}
	if err := cfg.auth.check(&http.Request{Header: header}); err != nil {
		return &ParseError{Vendor: vendor, Kind: ErrUnauthorized, Cause: err}
	}
	return nil
}

// parseBody parses the body by its Content-Type: XML or JSON.
func (cfg *config) parseBody(header http.Header, body []byte) (Event, error) {
	if isXML(header.Get("Content-Type")) {
		return cfg.parseXML(body)
	}
	return cfg.parse(body)
}

func isXML(contentType string) bool {
	if contentType == "application/json" || contentType == "" {
		return false // the common case, without the parser's allocations
	}
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	for _, m := range xmlMediaTypes {
		if mediaType == m {
			return true
		}
	}
	return false
}
