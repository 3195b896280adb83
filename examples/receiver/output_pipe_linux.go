package main

import (
	"context"
	"errors"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

// pipeOutput writes lines to a pipe whose reader may stall. The pipe is set
// non-blocking, so no write waits past its request's context: a line that
// cannot be written in time is answered 5xx and is never written later.
//
// Whole lines, as far as a pipe allows:
//   - a line of at most PIPE_BUF (4096) bytes is written atomically (POSIX):
//     all of it, or nothing and EAGAIN;
//   - a longer line waits until the pipe is empty and then fits whole, the
//     pipe being grown to hold it (F_SETPIPE_SZ, up to
//     /proc/sys/fs/pipe-max-size);
//   - only a line longer than the pipe can grow is written piece by piece.
//     If its context ends midway, the bytes written cannot be taken back:
//     the rest of that line is written before any other line, so the
//     stream stays whole lines, and that event, answered 5xx, appears once
//     here and again when the vendor retries (the same id).
//
// O_NONBLOCK belongs to the pipe's open file, which other writers the shell
// started on the same pipe share; it is put back when the receiver stops
// (not after a SIGKILL).
type pipeOutput struct {
	f        *os.File
	lock     ctxLock
	capacity int    // the pipe's buffer size
	maxSize  int    // the largest size the pipe may be grown to
	pending  []byte // the rest of a line cut midway
	// broken is closed when a write finds the reader gone (EPIPE).
	broken     chan struct{}
	brokenOnce sync.Once
}

func (o *pipeOutput) gone() <-chan struct{} { return o.broken }

// noteBroken closes broken on the first EPIPE.
func (o *pipeOutput) noteBroken(err error) error {
	if errors.Is(err, syscall.EPIPE) {
		o.brokenOnce.Do(func() { close(o.broken) })
	}
	return err
}

// Linux fcntl commands for a pipe's buffer size.
const (
	fSetPipeSize = 1031
	fGetPipeSize = 1032
	pipeBuf      = 4096 // PIPE_BUF on Linux
)

// newPipeOutput sets f non-blocking; the returned function restores it.
func newPipeOutput(f *os.File) (lineOutput, func(), error) {
	o := &pipeOutput{f: f, lock: newCtxLock(), maxSize: pipeMaxSize(), broken: make(chan struct{})}
	var wasNonblocking bool
	err := o.control(func(fd int) error {
		flags, err := fcntl(fd, syscall.F_GETFL, 0)
		if err != nil {
			return err
		}
		wasNonblocking = flags&syscall.O_NONBLOCK != 0
		if o.capacity, err = fcntl(fd, fGetPipeSize, 0); err != nil {
			return err
		}
		return syscall.SetNonblock(fd, true)
	})
	if err != nil {
		return nil, nil, err
	}
	restore := func() {
		if !wasNonblocking {
			_ = o.control(func(fd int) error { return syscall.SetNonblock(fd, false) })
		}
	}
	return o, restore, nil
}

func (o *pipeOutput) writeLine(ctx context.Context, line []byte) error {
	if err := o.lock.lock(ctx); err != nil {
		return err
	}
	defer o.lock.unlock()
	if len(o.pending) > 0 {
		n, err := o.writeSome(ctx, o.pending)
		o.pending = o.pending[n:]
		if err != nil {
			return errors.Join(errors.New("the rest of an earlier line cut midway is still waiting"), err)
		}
	}
	if len(line) > pipeBuf && len(line) > o.capacity {
		o.grow(len(line))
	}
	if len(line) <= pipeBuf || len(line) <= o.capacity {
		return o.writeWhole(ctx, line)
	}
	n, err := o.writeSome(ctx, line)
	if err != nil && n > 0 {
		o.pending = append([]byte(nil), line[n:]...)
	}
	return err
}

// writeWhole writes a line that fits in the pipe in one write, once it fits
// whole: at most PIPE_BUF bytes at any time, a longer one when the pipe is
// empty.
func (o *pipeOutput) writeWhole(ctx context.Context, line []byte) error {
	wait := newBackoff()
	for {
		var n int
		err := o.control(func(fd int) error {
			if len(line) > pipeBuf {
				if unread, err := unreadBytes(fd); err != nil || unread > 0 {
					return errOrAgain(err)
				}
			}
			var err error
			n, err = syscall.Write(fd, line)
			return err
		})
		switch {
		case err == nil && n == len(line):
			return nil
		case err == nil:
			// Another writer filled the pipe between the check and the
			// write; finish the line rather than leave a fragment.
			return o.finish(ctx, line[n:])
		case !errors.Is(err, syscall.EAGAIN):
			return o.noteBroken(err)
		}
		if err := wait.sleep(ctx); err != nil {
			return err
		}
	}
}

// finish writes the rest of a line that is already partly out.
func (o *pipeOutput) finish(ctx context.Context, rest []byte) error {
	n, err := o.writeSome(ctx, rest)
	if err != nil {
		o.pending = append([]byte(nil), rest[n:]...)
	}
	return err
}

// writeSome writes b as space allows until it is all written or ctx ends,
// and returns how much it wrote.
func (o *pipeOutput) writeSome(ctx context.Context, b []byte) (int, error) {
	wait := newBackoff()
	written := 0
	for written < len(b) {
		var n int
		err := o.control(func(fd int) error {
			var err error
			n, err = syscall.Write(fd, b[written:])
			return err
		})
		if n > 0 {
			written += n
			wait = newBackoff()
			continue
		}
		if err != nil && !errors.Is(err, syscall.EAGAIN) {
			return written, o.noteBroken(err)
		}
		if err := wait.sleep(ctx); err != nil {
			return written, err
		}
	}
	return written, nil
}

// grow asks for a pipe buffer of at least size bytes, within maxSize.
func (o *pipeOutput) grow(size int) {
	want := min(size, o.maxSize)
	if want <= o.capacity {
		return
	}
	_ = o.control(func(fd int) error {
		got, err := fcntl(fd, fSetPipeSize, want)
		if err == nil {
			o.capacity = got
		}
		return err
	})
}

// control runs fn with the file's descriptor, without changing its mode as
// File.Fd does.
func (o *pipeOutput) control(fn func(fd int) error) error {
	raw, err := o.f.SyscallConn()
	if err != nil {
		return err
	}
	var fnErr error
	if err := raw.Control(func(fd uintptr) { fnErr = fn(int(fd)) }); err != nil {
		return err
	}
	return fnErr
}

// unreadBytes is how much the pipe holds that its reader has not read.
func unreadBytes(fd int) (int, error) {
	var n int32
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TIOCINQ, uintptr(unsafe.Pointer(&n))); errno != 0 {
		return 0, errno
	}
	return int(n), nil
}

func fcntl(fd, cmd, arg int) (int, error) {
	r, _, errno := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), uintptr(cmd), uintptr(arg))
	if errno != 0 {
		return 0, errno
	}
	return int(r), nil
}

func errOrAgain(err error) error {
	if err != nil {
		return err
	}
	return syscall.EAGAIN
}

// pipeMaxSize is the largest pipe buffer an unprivileged process may ask
// for; 1 MiB, Linux's default, when it cannot be read.
func pipeMaxSize() int {
	b, err := os.ReadFile("/proc/sys/fs/pipe-max-size")
	if err != nil {
		return 1 << 20
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || n <= 0 {
		return 1 << 20
	}
	return n
}

// backoff spaces out the checks of a pipe that is full: 1 ms doubling to
// 20 ms, so that a stalled reader costs little and a slow one little delay.
type backoff struct{ next time.Duration }

func newBackoff() backoff { return backoff{next: time.Millisecond} }

func (b *backoff) sleep(ctx context.Context) error {
	timer := time.NewTimer(b.next)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
	}
	b.next = min(2*b.next, 20*time.Millisecond)
	return nil
}
