// Package braincert will parse the webhooks of BrainCert: 24 topics in one
// envelope (id, resource, action, created_at, payload), sent as JSON or XML,
// optionally behind HTTP Basic authentication. Not built yet.
package braincert
