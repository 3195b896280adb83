package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// flagGroups are -help's sections, in order, each with the flag names or
// name prefixes (ending in "-") it holds. A flag matching none falls in
// the last group's fallback, "other": a flag added without updating this
// table is still listed.
var flagGroups = []struct {
	title string
	flags []string
}{
	{"listening", []string{"addr", "max-conns", "write-timeout"}},
	{"vendors", []string{"learnink-", "basic-auth", "allow-origin", "toolzz-"}},
	{"store", []string{"store", "sqlite-", "retention", "dedup"}},
	{"sinks", []string{"lrs", "lrs-", "xapi-", "nats", "nats-", "forward", "forward-", "sink", "relay-"}},
	{"limits", []string{"max-inflight-bytes"}},
	{"output and logging", []string{"format", "log-"}},
}

// otherGroup holds the flags no entry of flagGroups names.
const otherGroup = "other"

// groupOf returns the -help section of a flag name: the group whose entry
// is the name, else the one with the longest prefix of it.
func groupOf(name string) string {
	group, best := otherGroup, 0
	for _, g := range flagGroups {
		for _, f := range g.flags {
			if f == name {
				return g.title
			}
			if strings.HasPrefix(name, f) && len(f) > best {
				group, best = g.title, len(f)
			}
		}
	}
	return group
}

// printUsage writes -help: the flags by group, each with its environment
// variable and default.
func printUsage(fs *flag.FlagSet, w io.Writer) {
	fmt.Fprintf(w, "Usage of receiver (every flag may also be set as %s<FLAG>; a flag given wins):\n", envPrefix)
	byGroup := map[string][]*flag.Flag{}
	fs.VisitAll(func(f *flag.Flag) { byGroup[groupOf(f.Name)] = append(byGroup[groupOf(f.Name)], f) })
	titles := []string{}
	for _, g := range flagGroups {
		titles = append(titles, g.title)
	}
	for _, title := range append(titles, otherGroup) {
		if len(byGroup[title]) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", title)
		for _, f := range byGroup[title] {
			name, usage := flag.UnquoteUsage(f)
			fmt.Fprintf(w, "  -%s %s  (%s)\n    \t%s", f.Name, name, envName(f.Name), usage)
			if f.DefValue != "" {
				fmt.Fprintf(w, " (default %s)", f.DefValue)
			} else {
				fmt.Fprint(w, " (default: none)")
			}
			fmt.Fprintln(w)
		}
	}
}
