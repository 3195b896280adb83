package webhook

import (
	"bytes"
	"io"
)

// maxPreallocation bounds the buffer readAll sizes from a declared
// Content-Length, so that a client declaring a large body it never sends
// cannot make every request allocate it.
const maxPreallocation = 1 << 20

// readAll is io.ReadAll with a first buffer sized from the declared length
// (plus one byte, to see the end without growing), instead of 512 bytes
// grown by copying. For an unknown length it is io.ReadAll.
func readAll(r io.Reader, declared int64) ([]byte, error) {
	if declared <= 0 {
		// Unknown length: io.ReadAll grows its buffer more thriftily than
		// doubling, which keeps an over-limit stream's cost near the limit.
		return io.ReadAll(r)
	}
	b := make([]byte, 0, int(min(declared, maxPreallocation))+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// ReplayBody returns a request body holding body, for a handler that read
// the body and passes the request on (as canonical.Handler does after it
// detected the vendor). ReadBody checks it against its limit and returns
// body itself instead of reading a copy.
func ReplayBody(body []byte) io.ReadCloser {
	return &replayBody{Reader: bytes.NewReader(body), body: body}
}

type replayBody struct {
	*bytes.Reader
	body []byte
}

func (*replayBody) Close() error { return nil }

// replayed returns the bytes of a ReplayBody that nothing has read from.
func replayed(body io.ReadCloser) ([]byte, bool) {
	rb, ok := body.(*replayBody)
	if !ok || rb.Len() != len(rb.body) {
		return nil, false
	}
	_, _ = rb.Seek(0, io.SeekEnd) // read, as ReadBody leaves any body
	return rb.body, true
}
