package webhook

// Configure returns defaults with opts applied in order: every vendor
// package's newConfig. Without options nothing is allocated (a config that
// options write through a pointer lives on the heap, and most calls of
// Parse pass none).
func Configure[C any, O ~func(*C)](defaults C, opts []O) C {
	if len(opts) == 0 {
		return defaults
	}
	cfg := defaults
	for _, opt := range opts {
		opt(&cfg)
	}
	return cfg
}
