// Package apicheck holds repository-wide checks of the public API that no
// single package's tests can make: that every exported name is documented
// and every public package has a runnable example. It has no code of its
// own, only tests.
package apicheck
