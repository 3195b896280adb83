package braincert

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"reflect"

	"github.com/lmshooks/lmshooks/internal/jsonscan"
	"github.com/lmshooks/lmshooks/internal/webhook"
)

const vendor = "braincert"

// xmlMediaTypes are the Content-Types read as XML. BrainCert's form offers
// application/xml; text/xml is accepted too.
var xmlMediaTypes = []string{"application/xml", "text/xml"}

// Parse decodes and validates one BrainCert delivery sent as JSON. It
// returns a pointer to the topic's struct, or *Unknown for a resource and
// action it does not model. Errors are *ParseError values matching
// ErrMalformed, ErrInvalid or ErrNoEventType. Of the options only
// WithLocation applies.
func Parse(body []byte, opts ...Option) (Event, error) {
	event, ok := parseOnce(body)
	if !ok {
		return parse(jsonBody(body), opts)
	}
	readTimesIn(event, newConfig(opts).location)
	return event, nil
}

// topicKeys are the envelope's keys that name the topic, for jsonscan.
var topicKeys = []string{"resource", "action"}

// parseOnce is Parse's fast path for a modelled topic: it reads resource
// and action with a scan instead of decoding the envelope first, then
// decodes the body once and validates it (the envelope with it, which every
// topic struct embeds). ok is false, and Parse takes parse (which also
// words any error), when the scan gives up, the topic is not modelled, or
// the body does not decode or validate.
func parseOnce(body []byte) (event Event, ok bool) {
	var values [2][]byte
	if !jsonscan.Lookup(body, topicKeys, values[:]) {
		return nil, false
	}
	resource, okResource := jsonscan.String(values[0])
	action, okAction := jsonscan.String(values[1])
	if !okResource || !okAction || resource == "" || action == "" {
		return nil, false
	}
	name := resource + "." + action
	newEvent, known := newEventFor[Topic(name)]
	if !known {
		return nil, false
	}
	event = newEvent()
	if json.Unmarshal(body, event) != nil || webhook.Validate(vendor, name, event) != nil {
		return nil, false
	}
	return event, true
}

// ParseXML decodes and validates one delivery sent as XML into the same
// structs as Parse. BrainCert does not document its XML form; this accepts
// a root element of any name whose child elements carry the JSON keys
// (<webhook><id>...</id><resource>...</resource>...<payload>...</payload>
// </webhook>), with these rules:
//
//   - text is read by the field's type, exactly as the JSON value would be;
//     an empty element (<avatar_url/>) is null;
//   - an element repeated where one value is expected reads like a
//     repeated JSON key: the last one wins;
//   - a list is repeated elements named like the list
//     (<groups>...</groups><groups>...</groups>) or one element named like
//     the list wrapping the items (<items><item>...</item>...</items>);
//   - an id is a number when its text is a JSON integer, except the ids
//     the docs send as strings (the envelope's id, domain_id and tenant_id,
//     group_id and role_id in a user's lists, order_id);
//   - for an Unknown event, Body is the element tree as JSON: objects for
//     elements with children, arrays for repeated names, null for empty
//     elements, strings for all other text.
//
// The body may start with a UTF-8 byte order mark. A body with a DOCTYPE
// or any other <!...> declaration is refused, entity references other than
// XML's predefined five are errors, and nothing is ever fetched. The body
// may nest at most 32 elements deep and hold at most 10,000 elements.
func ParseXML(body []byte, opts ...Option) (Event, error) {
	root, err := readXML(body)
	if err != nil {
		return nil, &ParseError{Vendor: vendor, Kind: ErrMalformed, Cause: err}
	}
	return parse(xmlBody{root}, opts)
}

// ParseContent parses body as XML when contentType is application/xml or
// text/xml, and as JSON when it is JSON or empty (BrainCert's choice is per
// webhook). Any other type is ErrUnsupportedMediaType.
func ParseContent(contentType string, body []byte, opts ...Option) (Event, error) {
	if err := webhook.CheckMediaType(contentType, xmlMediaTypes...); err != nil {
		return nil, err
	}
	if isXML(contentType) {
		return ParseXML(body, opts...)
	}
	return Parse(body, opts...)
}

func isXML(contentType string) bool {
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

// A format is a body in one of the two wire forms.
type format interface {
	// decode fills v (an Envelope or a topic struct); event names the
	// topic in errors.
	decode(event string, v any) error
	// asJSON is the whole body as JSON, for an Unknown event.
	asJSON() json.RawMessage
}

var errNoTopic = errors.New(`"resource" or "action" is missing or empty`)

// parse reads the envelope, picks the topic's struct from topicTable and
// fills it; both wire forms share it.
func parse(body format, opts []Option) (Event, error) {
	cfg := newConfig(opts)
	var head Envelope
	if err := body.decode("", &head); err != nil {
		return nil, err
	}
	if head.Resource == "" || head.Action == "" {
		return nil, &ParseError{Vendor: vendor, Kind: ErrNoEventType, Cause: errNoTopic}
	}
	name := head.EventName()
	if err := webhook.Validate(vendor, name, &head); err != nil {
		return nil, err
	}
	var event Event
	if newEvent, known := newEventFor[Topic(name)]; known {
		event = newEvent()
		if err := body.decode(name, event); err != nil {
			return nil, err
		}
		if err := webhook.Validate(vendor, name, event); err != nil {
			return nil, err
		}
	} else {
		event = &Unknown{Envelope: head, Body: body.asJSON()}
	}
	readTimesIn(event, cfg.location)
	return event, nil
}

// jsonBody is a JSON delivery.
type jsonBody []byte

func (b jsonBody) decode(event string, v any) error {
	if err := json.Unmarshal(b, v); err != nil {
		return webhook.MalformedJSON(vendor, event, err)
	}
	return nil
}

func (b jsonBody) asJSON() json.RawMessage { return append(json.RawMessage(nil), b...) }

// xmlBody is an XML delivery, read into an element tree.
type xmlBody struct{ root *xmlElement }

func (b xmlBody) decode(event string, v any) error {
	err := fillStruct(b.root, reflect.ValueOf(v).Elem(), "")
	if err == nil {
		return nil
	}
	pe := &ParseError{Vendor: vendor, Event: event, Kind: ErrMalformed, Cause: err}
	var fe *xmlFieldError
	if errors.As(err, &fe) {
		pe.Field = fe.path
		pe.Cause = fmt.Errorf("XML: %w", fe.err)
	}
	return pe
}

func (b xmlBody) asJSON() json.RawMessage { return genericJSON(b.root) }
