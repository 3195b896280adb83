package xapi

import "github.com/lmshooks/lmshooks/canonical"

// The verbs of the contract, from ADL's authored vocabularies.
var (
	verbAnswered   = Verb{ID: "http://adlnet.gov/expapi/verbs/answered", Display: LanguageMap{"en-US": "answered"}}
	verbAttempted  = Verb{ID: "http://adlnet.gov/expapi/verbs/attempted", Display: LanguageMap{"en-US": "attempted"}}
	verbCompleted  = Verb{ID: "http://adlnet.gov/expapi/verbs/completed", Display: LanguageMap{"en-US": "completed"}}
	verbPassed     = Verb{ID: "http://adlnet.gov/expapi/verbs/passed", Display: LanguageMap{"en-US": "passed"}}
	verbFailed     = Verb{ID: "http://adlnet.gov/expapi/verbs/failed", Display: LanguageMap{"en-US": "failed"}}
	verbRegistered = Verb{ID: "http://adlnet.gov/expapi/verbs/registered", Display: LanguageMap{"en-US": "registered"}}
	verbEarned     = Verb{ID: "http://id.tincanapi.com/verb/earned", Display: LanguageMap{"en-US": "earned"}}
	verbPurchased  = Verb{ID: "http://activitystrea.ms/schema/1.0/purchase", Display: LanguageMap{"en-US": "purchased"}}
	verbReceived   = Verb{ID: "http://activitystrea.ms/schema/1.0/receive", Display: LanguageMap{"en-US": "received"}}
)

// The activity types of the contract.
const (
	typeInteraction = "http://adlnet.gov/expapi/activities/cmi.interaction"
	typeCourse      = "http://adlnet.gov/expapi/activities/course"
	typeCollection  = "http://id.tincanapi.com/activitytype/collection-simple"
	typeAssessment  = "http://adlnet.gov/expapi/activities/assessment"
	typeWebinar     = "http://id.tincanapi.com/activitytype/webinar"
	typeLMS         = "http://id.tincanapi.com/activitytype/lms"
	typeCertificate = "https://www.opigno.org/en/tincan_registry/activity_type/certificate"
	typePurchase    = "https://w3id.org/xapi/ecommerce/activity-type/purchase"
	typeAlert       = "http://activitystrea.ms/schema/1.0/alert"
)

// kindTypes gives the activity type of an object kind, where the contract
// names one; other kinds get an activity without a type.
var kindTypes = map[canonical.Kind]string{
	canonical.KindCard:         typeInteraction,
	canonical.KindCourse:       typeCourse,
	canonical.KindCollection:   typeCollection,
	canonical.KindTest:         typeAssessment,
	canonical.KindLiveClass:    typeWebinar,
	canonical.KindOrder:        typePurchase,
	canonical.KindNotification: typeAlert,
}

// The extension IRIs of the contract.
const (
	ExtensionVendor       = "https://lmshooks.dev/xapi/extensions/vendor"
	ExtensionVendorEvent  = "https://lmshooks.dev/xapi/extensions/vendor-event"
	ExtensionEventID      = "https://lmshooks.dev/xapi/extensions/event-id"
	ExtensionProgress     = "https://w3id.org/xapi/cmi5/result/extensions/progress"
	ExtensionMasteryScore = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
)

// platforms holds the vendors' display names, for context.platform.
var platforms = map[canonical.Vendor]string{
	canonical.VendorMCG:           "Mini Course Generator",
	canonical.VendorEasygenerator: "Easygenerator",
	canonical.VendorBrainCert:     "BrainCert",
	canonical.VendorToolzz:        "Toolzz",
	canonical.VendorLearnInk:      "LearnInk",
}
