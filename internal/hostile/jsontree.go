package hostile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// node is a JSON value that keeps its object keys in order (and may hold a
// key twice), so that a body can be changed at one path and written back
// with everything else as it was.
type node struct {
	keys   []string // an object's keys, in order
	values []*node  // an object's values or an array's items
	array  bool
	raw    json.RawMessage // a scalar, exactly as written; nil for objects and arrays
}

// parseTree reads a JSON document into a node tree.
func parseTree(body []byte) (*node, error) {
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	n, err := readNode(d)
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, fmt.Errorf("data after the JSON value")
	}
	return n, nil
}

func readNode(d *json.Decoder) (*node, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		n := &node{}
		for d.More() {
			key, err := d.Token()
			if err != nil {
				return nil, err
			}
			v, err := readNode(d)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, key.(string))
			n.values = append(n.values, v)
		}
		_, err := d.Token()
		return n, err
	case json.Delim('['):
		n := &node{array: true}
		for d.More() {
			v, err := readNode(d)
			if err != nil {
				return nil, err
			}
			n.values = append(n.values, v)
		}
		_, err := d.Token()
		return n, err
	}
	raw, err := json.Marshal(tok)
	return &node{raw: raw}, err
}

// encode writes the tree back as compact JSON.
func (n *node) encode(b *bytes.Buffer) {
	switch {
	case n.raw != nil:
		b.Write(n.raw)
	case n.array:
		b.WriteByte('[')
		for i, v := range n.values {
			if i > 0 {
				b.WriteByte(',')
			}
			v.encode(b)
		}
		b.WriteByte(']')
	default:
		b.WriteByte('{')
		for i, v := range n.values {
			if i > 0 {
				b.WriteByte(',')
			}
			key, _ := json.Marshal(n.keys[i])
			b.Write(key)
			b.WriteByte(':')
			v.encode(b)
		}
		b.WriteByte('}')
	}
}

// kind names a node's JSON kind: object, array, string, number, bool, null.
func (n *node) kind() string {
	switch {
	case n.raw == nil && n.array:
		return "array"
	case n.raw == nil:
		return "object"
	}
	switch c := n.raw[0]; {
	case c == '"':
		return "string"
	case c == 't' || c == 'f':
		return "bool"
	case c == 'n':
		return "null"
	}
	return "number"
}

// find returns the parent of path's last segment and that segment's index
// among the parent's values (the last one of a repeated key).
func (n *node) find(path string) (parent *node, index int, err error) {
	segments := strings.Split(path, ".")
	cur := n
	for i, seg := range segments {
		idx := -1
		if cur.array {
			if k, err := strconv.Atoi(seg); err == nil && k >= 0 && k < len(cur.values) {
				idx = k
			}
		} else {
			for j, key := range cur.keys {
				if key == seg {
					idx = j
				}
			}
		}
		if idx < 0 {
			return nil, 0, fmt.Errorf("no %q in the good body", strings.Join(segments[:i+1], "."))
		}
		if i == len(segments)-1 {
			return cur, idx, nil
		}
		cur = cur.values[idx]
	}
	return nil, 0, fmt.Errorf("empty path")
}

// leaves returns the paths of every value of the given kind.
func (n *node) leaves(kind, prefix string) []string {
	if n.raw != nil {
		if n.kind() == kind {
			return []string{prefix}
		}
		return nil
	}
	var paths []string
	for i, v := range n.values {
		seg := strconv.Itoa(i)
		if !n.array {
			seg = n.keys[i]
		}
		if prefix != "" {
			seg = prefix + "." + seg
		}
		paths = append(paths, v.leaves(kind, seg)...)
	}
	return paths
}

// edit is a change to a body at one path.
type edit func(parent *node, index int)

// replaceWith sets the value at the path to raw JSON.
func replaceWith(raw string) edit {
	return func(parent *node, index int) { parent.values[index] = &node{raw: json.RawMessage(raw)} }
}

// repeatKey writes the path's key a second time with raw, before the key's
// own entry (first) or after it.
func repeatKey(raw string, first bool) edit {
	return func(parent *node, index int) {
		at := index + 1
		if first {
			at = index
		}
		parent.keys = insert(parent.keys, at, parent.keys[index])
		parent.values = insert(parent.values, at, &node{raw: json.RawMessage(raw)})
	}
}

func insert[T any](s []T, at int, v T) []T {
	s = append(s, v)
	copy(s[at+1:], s[at:])
	s[at] = v
	return s
}

// editBody applies change at path to a copy of body.
func editBody(body []byte, path string, change edit) ([]byte, error) {
	tree, err := parseTree(body)
	if err != nil {
		return nil, err
	}
	parent, index, err := tree.find(path)
	if err != nil {
		return nil, err
	}
	if change != nil {
		change(parent, index)
	}
	var b bytes.Buffer
	tree.encode(&b)
	return b.Bytes(), nil
}

// kindAt returns the kind of the value at path.
func kindAt(body []byte, path string) (string, error) {
	tree, err := parseTree(body)
	if err != nil {
		return "", err
	}
	parent, index, err := tree.find(path)
	if err != nil {
		return "", err
	}
	return parent.values[index].kind(), nil
}
