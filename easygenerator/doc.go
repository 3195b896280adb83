// Package easygenerator will parse Easygenerator's course result webhook,
// which the learner's browser posts cross-origin (so the handler answers CORS
// preflights). Not built yet.
package easygenerator
