package main

import (
	"context"
	"net"
)

type acceptedConnKey struct{}

// rememberConn is the http.Server's ConnContext hook: it keeps the accepted
// connection, whose wrappers (connLimiter's, framedListener's) the handlers
// consult.
func rememberConn(ctx context.Context, c net.Conn) context.Context {
	return context.WithValue(ctx, acceptedConnKey{}, c)
}

// connOf returns the request's connection wrapper of type T, found through
// any wrapper with a NetConn method.
func connOf[T net.Conn](ctx context.Context) (T, bool) {
	c, _ := ctx.Value(acceptedConnKey{}).(net.Conn)
	for c != nil {
		if t, ok := c.(T); ok {
			return t, true
		}
		inner, ok := c.(interface{ NetConn() net.Conn })
		if !ok {
			break
		}
		c = inner.NetConn()
	}
	var zero T
	return zero, false
}
