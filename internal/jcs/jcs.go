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
	"crypto/sha256"
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
	h := sha256.New()
	if err := write(h, data); err != nil {
		return [32]byte{}, err
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum, nil
}

// Canonical returns the RFC 8785 form of the JSON text in data, after the
// same checks as Sum.
func Canonical(data []byte) ([]byte, error) {
	var b bytes.Buffer
	if err := write(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// write checks data and writes its canonical form to w.
func write(w io.Writer, data []byte) error {
	var c checker
	c.in = data
	c.skipSpace()
	if err := c.value(); err != nil {
		return err
	}
	c.skipSpace()
	if c.pos != len(c.in) {
		return c.fail(ErrSyntax)
	}
	sort.Sort((*byOffset)(&c.objects))
	e := emitter{in: data, objects: &c.objects, orders: &c.orders, w: bufferedWriter{w: w, buf: make([]byte, 0, bufferSize+64)}}
	e.value(skipSpace(data, 0))
	e.w.flush()
	return nil
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
}

func (c *checker) fail(err error) error { return &Error{Offset: c.pos, Err: err} }

func (c *checker) skipSpace() { c.pos = skipSpace(c.in, c.pos) }

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
	inOrder := c.sortedOpen(base, end)
	// Under folding, names that differ only in case sort together.
	c.sortOpen(base, end, true)
	for i := base + 1; i < end; i++ {
		prev, cur := c.in[c.open.at(i-1):], c.in[c.open.at(i):]
		if compareNames(prev, cur, true) == 0 {
			kind := ErrCaseVariant
			if compareNames(prev, cur, false) == 0 {
				kind = ErrDuplicateName
			}
			return &Error{Offset: int(c.open.at(i)), Err: kind, Name: displayName(cur)}
		}
	}
	if inOrder {
		return nil
	}
	c.sortOpen(base, end, false)
	c.objects.push([2]uint32{uint32(start), uint32(c.orders.len())})
	c.orders.push(uint32(end - base))
	for i := base; i < end; i++ {
		c.orders.push(c.open.at(i))
	}
	return nil
}

func (c *checker) lessOpen(i, j int, fold bool) bool {
	return compareNames(c.in[c.open.at(i):], c.in[c.open.at(j):], fold) < 0
}

func (c *checker) sortedOpen(lo, hi int) bool {
	for i := lo + 1; i < hi; i++ {
		if c.lessOpen(i, i-1, false) {
			return false
		}
	}
	return true
}

// sortOpen sorts open[lo:hi] by name: in place, and without allocating for
// the small objects that most bodies are made of.
func (c *checker) sortOpen(lo, hi int, fold bool) {
	if hi-lo > 12 {
		sort.Sort(&openSorter{c, lo, hi, fold})
		return
	}
	for i := lo + 1; i < hi; i++ {
		for j := i; j > lo && c.lessOpen(j, j-1, fold); j-- {
			c.open.swap(j, j-1)
		}
	}
}

type openSorter struct {
	c      *checker
	lo, hi int
	fold   bool
}

func (s *openSorter) Len() int           { return s.hi - s.lo }
func (s *openSorter) Less(i, j int) bool { return s.c.lessOpen(s.lo+i, s.lo+j, s.fold) }
func (s *openSorter) Swap(i, j int)      { s.c.open.swap(s.lo+i, s.lo+j) }

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
