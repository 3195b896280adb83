package braincert

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// Limits on an XML body, so that hostile input cannot exhaust the stack or
// memory: the documented bodies nest 5 deep and hold under 100 elements.
const (
	maxXMLDepth    = 32
	maxXMLElements = 10_000
)

// xmlElement is one element of an XML body: its local name (prefix and
// attributes are ignored), its text, and its child elements in order.
type xmlElement struct {
	name     string
	text     []byte
	children []*xmlElement
}

var (
	errXMLDirective = errors.New("XML directive (DOCTYPE or ENTITY declaration) not allowed")
	errXMLNoRoot    = errors.New("no XML root element")
	errXMLTwoRoots  = errors.New("more than one XML root element")
	errXMLOutside   = errors.New("text outside the XML root element")
	errXMLDepth     = fmt.Errorf("XML nested deeper than %d elements", maxXMLDepth)
	errXMLCount     = fmt.Errorf("XML has more than %d elements", maxXMLElements)
	errXMLMixed     = errors.New("XML element mixes text and child elements")
)

// utf8BOM is the UTF-8 byte order mark.
var utf8BOM = []byte("\ufeff")

// readXML reads body into an element tree. It never expands an entity other
// than XML's five predefined ones (Entity stays nil and Strict is on, so
// any other reference is an error) and refuses any <!...> directive, the
// only way a body can declare entities or name an external DTD: nothing is
// ever fetched.
func readXML(body []byte) (*xmlElement, error) {
	// XML allows a byte order mark before the declaration or the root;
	// encoding/xml reads one as text outside the root.
	body = bytes.TrimPrefix(body, utf8BOM)
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = true
	var (
		root  *xmlElement
		open  []*xmlElement
		count int
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.Directive:
			return nil, errXMLDirective
		case xml.StartElement:
			if count++; count > maxXMLElements {
				return nil, errXMLCount
			}
			if len(open) == maxXMLDepth {
				return nil, errXMLDepth
			}
			el := &xmlElement{name: t.Name.Local}
			switch {
			case len(open) > 0:
				parent := open[len(open)-1]
				parent.children = append(parent.children, el)
			case root != nil:
				return nil, errXMLTwoRoots
			default:
				root = el
			}
			open = append(open, el)
		case xml.EndElement:
			el := open[len(open)-1]
			if len(el.children) > 0 && len(bytes.TrimSpace(el.text)) > 0 {
				return nil, errXMLMixed
			}
			open = open[:len(open)-1]
		case xml.CharData:
			if len(open) == 0 {
				if len(bytes.TrimSpace(t)) > 0 {
					return nil, errXMLOutside
				}
				continue
			}
			el := open[len(open)-1]
			el.text = append(el.text, t...)
		}
	}
	if root == nil {
		return nil, errXMLNoRoot
	}
	return root, nil
}

// isEmpty reports whether the element holds nothing: XML's form of null.
func (el *xmlElement) isEmpty() bool {
	return len(el.children) == 0 && len(bytes.TrimSpace(el.text)) == 0
}

// trimmedText is the text of a scalar other than a string.
func (el *xmlElement) trimmedText() string { return string(bytes.TrimSpace(el.text)) }

// childrenByName groups the children by name, keeping document order.
func (el *xmlElement) childrenByName() map[string][]*xmlElement {
	groups := make(map[string][]*xmlElement, len(el.children))
	for _, c := range el.children {
		groups[c.name] = append(groups[c.name], c)
	}
	return groups
}
