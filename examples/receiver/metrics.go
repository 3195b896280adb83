package main

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/lmshooks/lmshooks/canonical"
	"github.com/lmshooks/lmshooks/canonical/inbox"
)

// promMetrics are the receiver's Prometheus metrics. Their labels are bounded:
// vendor (the five, or "unknown" before detection), status code (the few
// the handlers answer), error kind (canonical.ErrorKind's words and
// store_full), sink
// and outbox state; never an id or a URL.
type promMetrics struct {
	registry   *prometheus.Registry
	requests   *prometheus.CounterVec
	stored     *prometheus.CounterVec
	duplicates *prometheus.CounterVec
	rejected   *prometheus.CounterVec
	bodyBytes  *prometheus.CounterVec
	duration   *prometheus.HistogramVec
}

// newMetrics registers the delivery metrics and the Go runtime's and
// process's own.
func newMetrics() *promMetrics {
	byVendor := []string{"vendor"}
	m := &promMetrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lmshooks_requests_total", Help: "Requests to the webhook routes, by vendor and status code.",
		}, []string{"vendor", "code"}),
		stored: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lmshooks_events_stored_total", Help: "Canonical events stored (with -store memory: printed) for the first time.",
		}, byVendor),
		duplicates: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lmshooks_events_duplicate_total", Help: "Canonical events delivered again and answered 2xx without being stored again.",
		}, byVendor),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lmshooks_deliveries_rejected_total", Help: "Deliveries not accepted, by vendor and error kind.",
		}, []string{"vendor", "kind"}),
		bodyBytes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lmshooks_request_body_bytes_total", Help: "Request body bytes read by the webhook routes.",
		}, byVendor),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "lmshooks_request_duration_seconds", Help: "Time from a webhook request's arrival to its answer.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, byVendor),
	}
	m.registry.MustRegister(m.requests, m.stored, m.duplicates, m.rejected, m.bodyBytes, m.duration,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// observe counts one answered delivery; a nil m does nothing.
func (m *promMetrics) observe(o canonical.Observation, stored, duplicates int) {
	if m == nil {
		return
	}
	vendor := string(o.Vendor)
	if vendor == "" {
		vendor = "unknown"
	}
	m.requests.WithLabelValues(vendor, strconv.Itoa(o.Status)).Inc()
	m.bodyBytes.WithLabelValues(vendor).Add(float64(o.BodyBytes))
	m.duration.WithLabelValues(vendor).Observe(o.Duration.Seconds())
	if o.ErrorKind != "" {
		m.rejected.WithLabelValues(vendor, o.ErrorKind).Inc()
	}
	m.stored.WithLabelValues(vendor).Add(float64(stored))
	m.duplicates.WithLabelValues(vendor).Add(float64(duplicates))
}

// watchLimits adds gauges of the in-flight body bytes and the open
// connections, read at each scrape.
func (m *promMetrics) watchLimits(inflight *canonical.InflightLimit, maxInflight int64, conns *connLimiter) {
	m.registry.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "lmshooks_inflight_bytes", Help: "Request body bytes held now (see -max-inflight-bytes)."},
			func() float64 { return float64(inflight.Held()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "lmshooks_inflight_bytes_limit", Help: "The -max-inflight-bytes limit."},
			func() float64 { return float64(maxInflight) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "lmshooks_open_connections", Help: "Connections open now (see -max-conns)."},
			func() float64 { return float64(conns.open()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "lmshooks_open_connections_limit", Help: "The -max-conns limit."},
			func() float64 { return float64(conns.max) }),
	)
}

// watchRelay adds the relay's counters and the outbox's rows by sink and
// state, counted at each scrape.
func (m *promMetrics) watchRelay(store *inbox.Store, relay *inbox.Relay, logger *slog.Logger) {
	counter := func(name, help string, read func(inbox.RelayStats) int64) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help},
			func() float64 { return float64(read(relay.Stats())) })
	}
	m.registry.MustRegister(
		counter("lmshooks_relay_delivered_total", "Outbox rows the relay delivered to their sink.", func(s inbox.RelayStats) int64 { return s.Delivered }),
		counter("lmshooks_relay_retried_total", "Deliveries to a sink that failed and will be tried again.", func(s inbox.RelayStats) int64 { return s.Retried }),
		counter("lmshooks_relay_dead_total", "Outbox rows given up on (dead).", func(s inbox.RelayStats) int64 { return s.Dead }),
		&outboxCollector{store: store, logger: logger},
	)
}

// outboxDesc is the outbox gauge: rows by sink and state (due is the
// backlog, dead what needs a redrive).
var outboxDesc = prometheus.NewDesc("lmshooks_outbox_rows", "Outbox rows by sink and state (due: the relay's backlog).", []string{"sink", "state"}, nil)

// outboxCollector counts the outbox at each scrape.
type outboxCollector struct {
	store  *inbox.Store
	logger *slog.Logger
}

func (c *outboxCollector) Describe(ch chan<- *prometheus.Desc) { ch <- outboxDesc }

func (c *outboxCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	counts, err := c.store.OutboxCounts(ctx)
	if err != nil {
		c.logger.Warn("metrics: counting the outbox", "error", err)
		ch <- prometheus.NewInvalidMetric(outboxDesc, err)
		return
	}
	for _, n := range counts {
		ch <- prometheus.MustNewConstMetric(outboxDesc, prometheus.GaugeValue, float64(n.Rows), n.Sink, n.State)
	}
}

// watchStore adds the store's bytes held (read from the store at each
// scrape) and its -store-max-bytes limit.
func (m *promMetrics) watchStore(store *inbox.Store, logger *slog.Logger) {
	m.registry.MustRegister(&storeBytesCollector{store: store, logger: logger},
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "lmshooks_store_max_bytes", Help: "The -store-max-bytes limit (0: none)."},
			func() float64 { return float64(store.MaxBytes()) }))
}

// storeBytesDesc is the gauge of the bytes the store holds.
var storeBytesDesc = prometheus.NewDesc("lmshooks_store_bytes",
	"Bytes of raw deliveries and events the store holds, as -store-max-bytes counts them.", nil, nil)

// storeBytesCollector reads the store's count at each scrape; a failed read
// drops the gauge from that scrape rather than report a wrong value.
type storeBytesCollector struct {
	store  *inbox.Store
	logger *slog.Logger
}

func (c *storeBytesCollector) Describe(ch chan<- *prometheus.Desc) { ch <- storeBytesDesc }

func (c *storeBytesCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	n, err := c.store.Usage(ctx)
	if err != nil {
		c.logger.Warn("metrics: reading the bytes the store holds", "error", err)
		ch <- prometheus.NewInvalidMetric(storeBytesDesc, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(storeBytesDesc, prometheus.GaugeValue, float64(n))
}

// handler serves the metrics in the Prometheus text exposition format.
func (m *promMetrics) handler() http.Handler {
	// A failed outbox count drops only that gauge from the scrape.
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError})
}
