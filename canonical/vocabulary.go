package canonical

// Vendor names the platform that sent an event.
type Vendor string

// The vendors lmshooks knows.
const (
	VendorMCG           Vendor = "mcg"
	VendorEasygenerator Vendor = "easygenerator"
	VendorBrainCert     Vendor = "braincert"
	VendorToolzz        Vendor = "toolzz"
	VendorLearnInk      Vendor = "learnink"
)

// Type is a canonical event type: "<object kind>.<past-tense verb>".
type Type string

// The canonical type vocabulary.
const (
	TypeCardAnswered        Type = "card.answered"
	TypeCourseStarted       Type = "course.started"
	TypeCourseCompleted     Type = "course.completed"
	TypeCollectionStarted   Type = "collection.started"
	TypeCollectionCompleted Type = "collection.completed"
	TypeUserCreated         Type = "user.created"
	TypeUserUpdated         Type = "user.updated"
	TypeUserDeleted         Type = "user.deleted"
	TypeGroupCreated        Type = "group.created"
	TypeCourseCreated       Type = "course.created"
	TypeCourseUpdated       Type = "course.updated"
	TypeCourseDeleted       Type = "course.deleted"
	TypeBundleCreated       Type = "bundle.created"
	TypeBundleUpdated       Type = "bundle.updated"
	TypeBundleDeleted       Type = "bundle.deleted"
	TypeTestCreated         Type = "test.created"
	TypeTestUpdated         Type = "test.updated"
	TypeTestDeleted         Type = "test.deleted"
	TypeTestCompleted       Type = "test.completed"
	TypeLiveClassCreated    Type = "live_class.created"
	TypeLiveClassUpdated    Type = "live_class.updated"
	TypeLiveClassDeleted    Type = "live_class.deleted"
	TypeProductCreated      Type = "product.created"
	TypeProductUpdated      Type = "product.updated"
	TypeProductDeleted      Type = "product.deleted"
	TypeEnrollmentCreated   Type = "enrollment.created"
	TypeOrderCompleted      Type = "order.completed"
	TypeNotificationSent    Type = "notification.sent"
	TypeUnknown             Type = "unknown"
)

// Kind is what an event's object is.
type Kind string

// The object kinds.
const (
	KindCourse       Kind = "course"
	KindCard         Kind = "card"
	KindCollection   Kind = "collection"
	KindTest         Kind = "test"
	KindLiveClass    Kind = "live_class"
	KindBundle       Kind = "bundle"
	KindProduct      Kind = "product"
	KindGroup        Kind = "group"
	KindUser         Kind = "user"
	KindOrder        Kind = "order"
	KindNotification Kind = "notification"
)

var (
	types = set(TypeCardAnswered, TypeCourseStarted, TypeCourseCompleted, TypeCollectionStarted,
		TypeCollectionCompleted, TypeUserCreated, TypeUserUpdated, TypeUserDeleted, TypeGroupCreated,
		TypeCourseCreated, TypeCourseUpdated, TypeCourseDeleted, TypeBundleCreated, TypeBundleUpdated,
		TypeBundleDeleted, TypeTestCreated, TypeTestUpdated, TypeTestDeleted, TypeTestCompleted,
		TypeLiveClassCreated, TypeLiveClassUpdated, TypeLiveClassDeleted, TypeProductCreated,
		TypeProductUpdated, TypeProductDeleted, TypeEnrollmentCreated, TypeOrderCompleted,
		TypeNotificationSent, TypeUnknown)
	kinds = set(KindCourse, KindCard, KindCollection, KindTest, KindLiveClass, KindBundle,
		KindProduct, KindGroup, KindUser, KindOrder, KindNotification)
)

// Valid reports whether v is one of the known vendors.
func (v Vendor) Valid() bool {
	_, ok := rowOf(v)
	return ok
}

// Valid reports whether t is in the type vocabulary.
func (t Type) Valid() bool { return types[t] }

// Valid reports whether k is one of the object kinds.
func (k Kind) Valid() bool { return kinds[k] }

func set[T comparable](values ...T) map[T]bool {
	m := make(map[T]bool, len(values))
	for _, v := range values {
		m[v] = true
	}
	return m
}
