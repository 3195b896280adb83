package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// fileOutput writes lines to a regular file. A write that fails partway (a
// full disk) is rolled back: the file is cut back to its size before the
// write, so no fragment stays for the next line to join. Should that cut
// fail too, no line is written until a later one succeeds in cutting it.
//
// A local disk write does not block for long, so the context is checked
// before writing, not during.
type fileOutput struct {
	f     *os.File
	write func([]byte) (int, error) // f.Write; a test's may fail midway
	lock  ctxLock
	// dirty is the size to cut the file back to before the next line, when
	// a failed write could not be rolled back; -1 when there is none.
	dirty int64
}

func newFileOutput(f *os.File) *fileOutput {
	return &fileOutput{f: f, write: f.Write, lock: newCtxLock(), dirty: -1}
}

func (o *fileOutput) writeLine(ctx context.Context, line []byte) error {
	if err := o.lock.lock(ctx); err != nil {
		return err
	}
	defer o.lock.unlock()
	if o.dirty >= 0 {
		if err := o.rollBack(o.dirty); err != nil {
			return fmt.Errorf("a fragment of an earlier failed line is still in the file: %w", err)
		}
		o.dirty = -1
	}
	info, err := o.f.Stat()
	if err != nil {
		return err
	}
	size := info.Size()
	n, err := o.write(line)
	if err == nil {
		return nil
	}
	if n == 0 {
		return err
	}
	if rbErr := o.rollBack(size); rbErr != nil {
		o.dirty = size
		return errors.Join(err, fmt.Errorf("removing the %d bytes written: %w", n, rbErr))
	}
	return err
}

// rollBack cuts the file to size and puts the write offset there (for a
// file not opened for appending, where the next write goes).
func (o *fileOutput) rollBack(size int64) error {
	if err := o.f.Truncate(size); err != nil {
		return err
	}
	_, err := o.f.Seek(size, io.SeekStart)
	return err
}
