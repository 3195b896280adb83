package jcs

import (
	"unicode"
	"unicode/utf8"
)

// nameReader reads the characters of the JSON string that starts a member
// (`"name":…`) of a checked text.
type nameReader struct {
	b []byte
	i int
}

// next returns the next character of the name, or -1 at its end.
func (r *nameReader) next() rune {
	c := r.b[r.i]
	switch {
	case c == '"':
		return -1
	case c == '\\':
		ch, n := unescape(r.b[r.i:])
		r.i += n
		return ch
	case c < utf8.RuneSelf:
		r.i++
		return rune(c)
	}
	ch, size := utf8.DecodeRune(r.b[r.i:])
	r.i += size
	return ch
}

// compareNames orders two members by name: by UTF-16 code units, as RFC
// 8785 sorts, or (fold) by case-folded characters, an order in which names
// that differ only in case are equal.
func compareNames(a, b []byte, fold bool) int {
	// Plain ASCII compares byte by byte (its UTF-16 order, and its folding
	// is upper case); from the first escape or non-ASCII byte on, the
	// characters are read one by one.
	i := 1
	for {
		x, y := a[i], b[i]
		if x == '\\' || y == '\\' || x >= utf8.RuneSelf || y >= utf8.RuneSelf {
			break
		}
		if x == '"' || y == '"' {
			return cmpEnd(x == '"', y == '"')
		}
		if fold {
			x, y = upperASCII(x), upperASCII(y)
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
		i++
	}
	ra, rb := nameReader{b: a, i: i}, nameReader{b: b, i: i}
	for {
		x, y := ra.next(), rb.next()
		if fold {
			x, y = foldRune(x), foldRune(y)
		} else {
			x, y = utf16Key(x), utf16Key(y)
		}
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		case x == -1:
			return 0
		}
	}
}

// cmpEnd orders two names one of which ended: the shorter first.
func cmpEnd(aEnded, bEnded bool) int {
	switch {
	case aEnded && bEnded:
		return 0
	case aEnded:
		return -1
	}
	return 1
}

func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// utf16Key maps a character to a number that orders as its UTF-16 code
// units do: characters beyond the BMP (surrogate pairs, 0xD800 up) sort
// before U+E000..U+FFFF.
func utf16Key(r rune) rune {
	switch {
	case r >= 0x10000:
		return 0xD800 + (r - 0x10000)
	case r >= 0xE000:
		return r + 0x100000
	}
	return r
}

// foldRune maps a character to the least member of its case-folding orbit,
// so that two characters strings.EqualFold (and encoding/json) treat as
// equal map alike.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf { // also -1, the end
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A' // the least of {A, a}; also of {K, k, U+212A}, {S, s, U+017F}
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// displayName returns a member's name for an error, cut to 64 bytes.
func displayName(member []byte) string {
	r := nameReader{b: member, i: 1}
	var out []rune
	for ch := r.next(); ch >= 0 && len(string(out)) < 64; ch = r.next() {
		out = append(out, ch)
	}
	return string(out)
}
