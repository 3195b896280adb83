// Package jcs computes the SHA-256 of a JSON text's RFC 8785 (JSON
// Canonicalization Scheme) form, and checks on the way what every JSON
// reader must read the same way: no object repeats a name, and no object
// holds two names that differ only in case (encoding/json would match both
// to one struct field, so one would silently shadow the other).
//
// It reads the text twice and copies none of it: the first pass checks it
// and records, for each object whose members are out of RFC 8785 order,
// their order (a uint32 offset per member, kept in fixed-size chunks that
// never regrow); the second streams the canonical form into SHA-256 in that
// order. So the memory is at most about 1.5 times the text, whatever its
// shape, and nesting costs no second scan.
package jcs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// MaxDepth is the deepest nesting of objects and arrays accepted, the same
// as encoding/json's.
const MaxDepth = 10000

// Errors, matched with errors.Is. Every error Sum returns matches ErrSyntax,
// ErrDuplicateName, ErrCaseVariant, ErrNumberRange or ErrTooDeep.
var (
	ErrSyntax        = errors.New("not valid JSON")
	ErrDuplicateName = errors.New("object repeats a name")
	ErrCaseVariant   = errors.New("object holds two names that differ only in case")
	ErrTooDeep       = errors.New("nesting deeper than 10000")
)

// Error is a failure at a byte offset of the text.
type Error struct {
	Offset int
	Err    error
	// Name is the repeated name, for ErrDuplicateName and ErrCaseVariant
	// (cut to 64 bytes).
	Name string
}

// Error says what is wrong (and the name, for a repeated one); the offset is
// for the caller to place.
func (e *Error) Error() string {
	if e.Name != "" {
		return fmt.Sprintf("%v: %q", e.Err, e.Name)
	}
	return e.Err.Error()
}

// Unwrap returns the kind of failure (ErrSyntax, ErrDuplicateName, ...).
func (e *Error) Unwrap() error { return e.Err }

// Sum returns the SHA-256 of the RFC 8785 form of the JSON text in data.
// Numbers are read as IEEE 754 doubles, as RFC 8785 requires, so integers
// beyond 2^53 that differ only in their low digits canonicalise alike. A
// number beyond the range of a double, for which RFC 8785 has no form, keeps
// its text (vendors send ids as long digit strings): the same text gives the
// same sum.
func Sum(data []byte) ([32]byte, error) {
	sum, _, err := sumOf(data, false)
	return sum, err
}

// SumCompact returns what Sum returns and, from the same passes, a copy of
// data without the white space outside its strings (the text as sent, keys
// in their order and numbers as written).
func SumCompact(data []byte) (sum [32]byte, compact []byte, err error) {
	return sumOf(data, true)
}

// sumOf is Sum, and SumCompact when compact is set.
func sumOf(data []byte, compact bool) ([32]byte, []byte, error) {
	st := getState()
	defer putState(st)
	var out []byte
	if compact {
		out = make([]byte, 0, len(data))
	}
	out, err := st.write(st.hash, data, out)
	if err != nil {
		return [32]byte{}, nil, err
	}
	var sum [32]byte
	copy(sum[:], st.hash.Sum(st.sum[:0])) // into the pooled room: no allocation
	return sum, out, nil
}

// Compact makes the checks of Sum and returns a copy of data without the
// white space outside its strings, without computing the sum: for a text
// whose sum may never be needed.
func Compact(data []byte) ([]byte, error) {
	st := getState()
	defer putState(st)
	return st.write(nil, data, make([]byte, 0, len(data)))
}

// Canonical returns the RFC 8785 form of the JSON text in data, after the
// same checks as Sum.
func Canonical(data []byte) ([]byte, error) {
	st := getState()
	defer putState(st)
	var b bytes.Buffer
	if _, err := st.write(&b, data, nil); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// write checks data and writes its canonical form to w (with w nil, it
// only checks). With out non-nil
// it also appends to out the text without the white space outside strings,
// and returns it.
func (st *state) write(w io.Writer, data, out []byte) ([]byte, error) {
	c := &st.checker
	c.in, c.out = data, out
	c.skipSpace()
	if err := c.value(); err != nil {
		return nil, err
	}
	c.skipSpace()
	if c.pos != len(c.in) {
		return nil, c.fail(ErrSyntax)
	}
	if c.out != nil {
		c.out = append(c.out, c.in[c.last:]...)
	}
	if w == nil {
		return c.out, nil
	}
	sort.Sort((*byOffset)(&c.objects))
	e := emitter{in: data, objects: &c.objects, orders: &c.orders, w: bufferedWriter{w: w, buf: st.buf[:0]}}
	e.value(skipSpace(data, 0))
	e.w.flush()
	return c.out, nil
}

// checker is the first pass: it checks the text and, for every object whose
// members are not in RFC 8785 order already, records that order.
type checker struct {
	in    []byte
	pos   int
	depth int
	// open holds the offsets of the members of every open object.
	open list[uint32]
	// objects lists, for each reordered object, its offset and where its
	// order starts in orders: the member count, then the members' offsets.
	objects list[[2]uint32]
	orders  list[uint32]
	// names is scratch room for sorting one object's member offsets.
	names []uint32
	// out, when not nil, receives the text without white space outside
	// strings: every run up to a skipped space is copied at once, from last.
	out  []byte
	last int
}

func (c *checker) fail(err error) error { return &Error{Offset: c.pos, Err: err} }

func (c *checker) skipSpace() {
	i := skipSpace(c.in, c.pos)
	if i != c.pos && c.out != nil {
		c.out = append(c.out, c.in[c.last:c.pos]...)
		c.last = i
	}
	c.pos = i
}

func skipSpace(in []byte, i int) int {
	for i < len(in) {
		switch in[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

func (c *checker) value() error {
	if c.pos >= len(c.in) {
		return c.fail(ErrSyntax)
	}
	switch b := c.in[c.pos]; {
	case b == '{':
		return c.object()
	case b == '[':
		return c.array()
	case b == '"':
		return c.str()
	case b == '-' || (b >= '0' && b <= '9'):
		return c.number()
	case b == 't':
		return c.literal("true")
	case b == 'f':
		return c.literal("false")
	case b == 'n':
		return c.literal("null")
	}
	return c.fail(ErrSyntax)
}

func (c *checker) literal(word string) error {
	if len(c.in)-c.pos < len(word) || string(c.in[c.pos:c.pos+len(word)]) != word {
		return c.fail(ErrSyntax)
	}
	c.pos += len(word)
	return nil
}

func (c *checker) enter() error {
	if c.depth++; c.depth > MaxDepth {
		return c.fail(ErrTooDeep)
	}
	c.pos++
	c.skipSpace()
	return nil
}

func (c *checker) array() error {
	if err := c.enter(); err != nil {
		return err
	}
	if c.pos < len(c.in) && c.in[c.pos] == ']' {
		c.pos++
		c.depth--
		return nil
	}
	for {
		if err := c.value(); err != nil {
			return err
		}
		c.skipSpace()
		if c.pos >= len(c.in) {
			return c.fail(ErrSyntax)
		}
		switch c.in[c.pos] {
		case ',':
			c.pos++
			c.skipSpace()
		case ']':
			c.pos++
			c.depth--
			return nil
		default:
			return c.fail(ErrSyntax)
		}
	}
}

func (c *checker) object() error {
	start := c.pos
	if err := c.enter(); err != nil {
		return err
	}
	if c.pos < len(c.in) && c.in[c.pos] == '}' {
		c.pos++
		c.depth--
		return nil
	}
	base := c.open.len()
	for {
		if c.pos >= len(c.in) || c.in[c.pos] != '"' {
			return c.fail(ErrSyntax)
		}
		c.open.push(uint32(c.pos))
		if err := c.str(); err != nil {
			return err
		}
		c.skipSpace()
		if c.pos >= len(c.in) || c.in[c.pos] != ':' {
			return c.fail(ErrSyntax)
		}
		c.pos++
		c.skipSpace()
		if err := c.value(); err != nil {
			return err
		}
		c.skipSpace()
		if c.pos >= len(c.in) {
			return c.fail(ErrSyntax)
		}
		if c.in[c.pos] == ',' {
			c.pos++
			c.skipSpace()
			continue
		}
		if c.in[c.pos] != '}' {
			return c.fail(ErrSyntax)
		}
		break
	}
	err := c.order(start, base)
	c.pos++ // }
	c.depth--
	c.open.truncate(base)
	return err
}

// order checks the names of the object at start, whose members are
// open[base:], and records their RFC 8785 order unless the text has it.
func (c *checker) order(start, base int) error {
	end := c.open.len()
	if end-base < 2 {
		return nil
	}
	// Sorting a plain slice spares every comparison the list's lookups.
	names := c.names[:0]
	for i := base; i < end; i++ {
		names = append(names, c.open.at(i))
	}
	c.names = names
	inOrder := c.sorted(names)
	// Under folding, names that differ only in case sort together.
	c.sortNames(names, true)
	for i := 1; i < len(names); i++ {
		prev, cur := c.in[names[i-1]:], c.in[names[i]:]
		if compareNames(prev, cur, true) == 0 {
			kind := ErrCaseVariant
			if compareNames(prev, cur, false) == 0 {
				kind = ErrDuplicateName
			}
			return &Error{Offset: int(names[i]), Err: kind, Name: displayName(cur)}
		}
	}
	if inOrder {
		return nil
	}
	c.sortNames(names, false)
	c.objects.push([2]uint32{uint32(start), uint32(c.orders.len())})
	c.orders.push(uint32(len(names)))
	for _, off := range names {
		c.orders.push(off)
	}
	return nil
}

func (c *checker) less(a, b uint32, fold bool) bool {
	return compareNames(c.in[a:], c.in[b:], fold) < 0
}

func (c *checker) sorted(names []uint32) bool {
	for i := 1; i < len(names); i++ {
		if c.less(names[i], names[i-1], false) {
			return false
		}
	}
	return true
}

// sortNames sorts member offsets by name: in place, and by insertion for
// the small objects that most bodies are made of.
func (c *checker) sortNames(names []uint32, fold bool) {
	if len(names) > 12 {
		sort.Sort(&nameSorter{c, names, fold})
		return
	}
	for i := 1; i < len(names); i++ {
		for j := i; j > 0 && c.less(names[j], names[j-1], fold); j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
}

type nameSorter struct {
	c     *checker
	names []uint32
	fold  bool
}

func (s *nameSorter) Len() int           { return len(s.names) }
func (s *nameSorter) Less(i, j int) bool { return s.c.less(s.names[i], s.names[j], s.fold) }
func (s *nameSorter) Swap(i, j int)      { s.names[i], s.names[j] = s.names[j], s.names[i] }

// number checks the JSON number grammar.
func (c *checker) number() error {
	in := c.in
	i := c.pos
	if in[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(in) && in[i] >= '0' && in[i] <= '9' {
			i++
			n++
		}
		return n
	}
	switch {
	case i < len(in) && in[i] == '0':
		i++
	default:
		if digits() == 0 {
			c.pos = i
			return c.fail(ErrSyntax)
		}
	}
	if i < len(in) && in[i] == '.' {
		i++
		if digits() == 0 {
			c.pos = i
			return c.fail(ErrSyntax)
		}
	}
	if i < len(in) && (in[i] == 'e' || in[i] == 'E') {
		i++
		if i < len(in) && (in[i] == '+' || in[i] == '-') {
			i++
		}
		if digits() == 0 {
			c.pos = i
			return c.fail(ErrSyntax)
		}
	}
	c.pos = i
	return nil
}

// str checks a string: escapes, no raw control character, valid UTF-8, no
// lone surrogate (RFC 8785 has no form for one).
func (c *checker) str() error {
	c.pos++ // "
	for c.pos < len(c.in) {
		b := c.in[c.pos]
		switch {
		case b == '"':
			c.pos++
			return nil
		case b == '\\':
			if _, n := unescape(c.in[c.pos:]); n > 0 {
				c.pos += n
				continue
			}
			return c.fail(ErrSyntax)
		case b < 0x20:
			return c.fail(ErrSyntax)
		case b < utf8.RuneSelf:
			c.pos++
		default:
			r, size := utf8.DecodeRune(c.in[c.pos:])
			if r == utf8.RuneError && size == 1 {
				return c.fail(ErrSyntax)
			}
			c.pos += size
		}
	}
	return c.fail(ErrSyntax)
}

// unescape reads the escape sequence at the start of b and returns its
// character and length; n is 0 for an invalid sequence.
func unescape(b []byte) (r rune, n int) {
	if len(b) < 2 {
		return 0, 0
	}
	switch b[1] {
	case '"', '\\', '/':
		return rune(b[1]), 2
	case 'b':
		return '\b', 2
	case 'f':
		return '\f', 2
	case 'n':
		return '\n', 2
	case 'r':
		return '\r', 2
	case 't':
		return '\t', 2
	case 'u':
		r, ok := hex4(b[2:])
		if !ok {
			return 0, 0
		}
		if !utf16.IsSurrogate(r) {
			return r, 6
		}
		if len(b) < 12 || b[6] != '\\' || b[7] != 'u' {
			return 0, 0
		}
		low, ok := hex4(b[8:])
		if r = utf16.DecodeRune(r, low); !ok || r == utf8.RuneError {
			return 0, 0
		}
		return r, 12
	}
	return 0, 0
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// unsafeString views b as a string for a call that does not keep it.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

const hexDigits = "0123456789abcdef"

// appendRune appends r as it stands inside an RFC 8785 string.
func appendRune(b []byte, r rune) []byte {
	switch r {
	case '"':
		return append(b, '\\', '"')
	case '\\':
		return append(b, '\\', '\\')
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	if r < 0x20 {
		return append(b, '\\', 'u', '0', '0', hexDigits[r>>4], hexDigits[r&0xf])
	}
	return utf8.AppendRune(b, r)
}

// AppendNumber appends f in RFC 8785's form, which is ECMAScript's
// Number.prototype.toString: the shortest digits that read back as f,
// without an exponent from 1e-6 up to 1e21.
func AppendNumber(b []byte, f float64) []byte {
	if f == 0 {
		return append(b, '0') // also -0
	}
	abs := f
	if abs < 0 {
		abs = -abs
	}
	format := byte('f')
	if abs < 1e-6 || abs >= 1e21 {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// Go writes e-07 where ECMAScript writes e-7.
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
