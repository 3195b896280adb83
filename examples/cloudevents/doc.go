// Package cloudevents proves that lmshooks' CloudEvents rendering is what the
// official CloudEvents Go SDK reads. It is a separate module so that the
// library itself never depends on the SDK; its test is run by .ci/run.
package cloudevents
