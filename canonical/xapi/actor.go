package xapi

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"

	"github.com/lmshooks/lmshooks/canonical"
)

// actor identifies the event's learner by the contract's rules, in order:
// the e-mail (as mbox or its SHA-1), else the vendor id (an account on the
// vendor's home page), else the external id (an account on the customer's
// home page, when configured). It reports false when none applies: the
// event is about no identifiable person and gives no statement.
func (c *config) actor(e *canonical.Event) (Agent, bool) {
	l := e.Learner
	if l == nil {
		return Agent{}, false
	}
	agent := Agent{ObjectType: "Agent", Name: l.Name}
	switch {
	case l.ID != "" && (c.alwaysAccount || l.Email == ""):
		agent.Account = &Account{HomePage: c.homePages[e.Vendor], Name: l.ID}
	case l.Email != "" && c.mboxSHA1Sum:
		agent.MboxSHA1Sum = mboxSHA1Sum(l.Email)
	case l.Email != "":
		agent.Mbox = "mailto:" + l.Email
	case l.ExternalID != "" && c.customerHomePage != "":
		agent.Account = &Account{HomePage: c.customerHomePage, Name: l.ExternalID}
	default:
		return Agent{}, false
	}
	return agent, true
}

// mboxSHA1Sum is the hex SHA-1 of the mbox of email with its domain
// lower-cased (the local part is case-sensitive, the domain is not).
func mboxSHA1Sum(email string) string {
	if at := strings.LastIndexByte(email, '@'); at >= 0 {
		email = email[:at] + strings.ToLower(email[at:])
	}
	sum := sha1.Sum([]byte("mailto:" + email))
	return hex.EncodeToString(sum[:])
}
