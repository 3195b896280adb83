// Package toolzz will parse the webhooks of Toolzz (envelope event{name,
// slug, send_at} + data), dispatched on event.slug. Not built yet.
package toolzz
