// Package learnink will parse LearnInk's webhooks (envelope object, type,
// api_version, data, timestamp), delivered through Svix with signed headers.
// Not built yet.
package learnink
