package jcs

import (
	"io"
	"sort"
	"strconv"
)

// emitter is the second pass: it writes the canonical form of the checked
// text to the hash, objects in the orders the checker recorded.
type emitter struct {
	in      []byte
	objects *list[[2]uint32] // sorted by offset
	orders  *list[uint32]
	w       bufferedWriter
}

// value writes the value at i and returns the offset just past it.
func (e *emitter) value(i int) int {
	switch b := e.in[i]; {
	case b == '{':
		return e.object(i)
	case b == '[':
		return e.array(i)
	case b == '"':
		return e.str(i)
	case b == '-' || (b >= '0' && b <= '9'):
		return e.number(i)
	}
	n := 4 // true, null
	if e.in[i] == 'f' {
		n = 5
	}
	e.w.write(e.in[i : i+n])
	return i + n
}

func (e *emitter) array(i int) int {
	e.w.byte('[')
	i = skipSpace(e.in, i+1)
	for e.in[i] != ']' {
		i = skipSpace(e.in, e.value(i))
		if e.in[i] == ',' {
			e.w.byte(',')
			i = skipSpace(e.in, i+1)
		}
	}
	e.w.byte(']')
	return i + 1
}

// member writes the member at i (`"name":value`) and returns the offset
// just past its value.
func (e *emitter) member(i int) int {
	i = skipSpace(e.in, e.str(i)) // now at ':'
	e.w.byte(':')
	return e.value(skipSpace(e.in, i+1))
}

func (e *emitter) object(start int) int {
	e.w.byte('{')
	k := sort.Search(e.objects.len(), func(k int) bool { return e.objects.at(k)[0] >= uint32(start) })
	if k < e.objects.len() && e.objects.at(k)[0] == uint32(start) {
		first := int(e.objects.at(k)[1])
		end := 0
		for m := range int(e.orders.at(first)) {
			if m > 0 {
				e.w.byte(',')
			}
			end = max(end, e.member(int(e.orders.at(first+1+m))))
		}
		e.w.byte('}')
		// The member last in the text ends where the closing brace follows.
		return skipSpace(e.in, end) + 1
	}
	i := skipSpace(e.in, start+1)
	for e.in[i] != '}' {
		i = skipSpace(e.in, e.member(i))
		if e.in[i] == ',' {
			e.w.byte(',')
			i = skipSpace(e.in, i+1)
		}
	}
	e.w.byte('}')
	return i + 1
}

// str writes the string at i in RFC 8785 form.
func (e *emitter) str(i int) int {
	e.w.byte('"')
	i++
	for {
		b := e.in[i]
		switch {
		case b == '"':
			e.w.byte('"')
			return i + 1
		case b == '\\':
			r, n := unescape(e.in[i:])
			e.w.buf = appendRune(e.w.buf, r)
			e.w.spill()
			i += n
		default:
			start := i
			for i < len(e.in) && e.in[i] != '"' && e.in[i] != '\\' {
				i++
			}
			e.w.write(e.in[start:i])
		}
	}
}

// number writes the number at i in ECMAScript's form. A plain integer of up
// to 15 digits is its own form (but for -0).
func (e *emitter) number(i int) int {
	end, plain := i, true
	for end < len(e.in) {
		b := e.in[end]
		if b == '.' || b == 'e' || b == 'E' || b == '+' {
			plain = false
		} else if (b < '0' || b > '9') && b != '-' {
			break
		}
		end++
	}
	text := e.in[i:end]
	digits := len(text)
	if text[0] == '-' {
		digits--
	}
	if plain && digits <= 15 && string(text) != "-0" {
		e.w.write(text)
		return end
	}
	f, err := strconv.ParseFloat(unsafeString(text), 64)
	if err != nil { // beyond a double's range: RFC 8785 has no form for it
		e.w.write(text)
		return end
	}
	e.w.buf = AppendNumber(e.w.buf, f)
	e.w.spill()
	return end
}

// bufferedWriter buffers the many small writes of the canonical form.
type bufferedWriter struct {
	w   io.Writer
	buf []byte
}

const bufferSize = 4 << 10

func (w *bufferedWriter) byte(c byte) {
	w.buf = append(w.buf, c)
	w.spill()
}

func (w *bufferedWriter) write(b []byte) {
	if len(b) > bufferSize {
		w.flush()
		w.w.Write(b)
		return
	}
	w.buf = append(w.buf, b...)
	w.spill()
}

// spill flushes a full buffer.
func (w *bufferedWriter) spill() {
	if len(w.buf) >= bufferSize {
		w.flush()
	}
}

func (w *bufferedWriter) flush() {
	w.w.Write(w.buf)
	w.buf = w.buf[:0]
}
