package webhook

// PassesFast and ValidateSlow expose the two paths of Validate to the
// equivalence test, which lives outside the package to import the vendors.
var (
	PassesFast   = passesFast
	ValidateSlow = validateSlow
)
