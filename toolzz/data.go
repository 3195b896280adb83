package toolzz

// The "data" objects, one per event shape. Toolzz's examples use numbers
// for ids, except in shop.product.redemption (strings); ID takes both.
// Key names the web copy lost (see the package docs) are marked "assumed".

// EnrollmentData is the data of activities.course.enrollment and
// activities.course.completed.
type EnrollmentData struct {
	Institution Institution `json:"institution"`
	Course      Course      `json:"course"`
	Enrollment  Enrollment  `json:"enrollment"`
	User        User        `json:"user"`
}

// TrailData is the data of activities.trail.completed.
type TrailData struct {
	Institution Institution `json:"institution"`
	User        BasicUser   `json:"user"`
	Trail       Trail       `json:"trail"`
}

// ContentData is the data of activities.content.completed. It has no
// institution object: the institution is Content.InstitutionID.
type ContentData struct {
	User    BasicUser        `json:"user"`
	Content CompletedContent `json:"content"`
	Course  ProgressCourse   `json:"course"`
}

// ActivityData is the data of activities.answered.activity.
type ActivityData struct {
	Institution Institution     `json:"institution"`
	User        ActivityUser    `json:"user"`
	Course      Course          `json:"course"`
	Content     AnsweredContent `json:"content"`
}

// CertificateData is the data of activities.certificate.issued. The keys
// course, school and certificate are assumed (the page's tables name the
// objects, its cut example does not show them).
type CertificateData struct {
	Institution Institution       `json:"institution"`
	User        User              `json:"user"`
	Course      CertifiedCourse   `json:"course"`
	School      CertificateSchool `json:"school"`
	Certificate Certificate       `json:"certificate"`
}

// NewMemberData is the data of members.created.
type NewMemberData struct {
	User NewMember `json:"user"`
}

// MemberData is the data of members.updated.
type MemberData struct {
	User Member `json:"user"`
}

// NewsletterData is the data of newslatter.created.
type NewsletterData struct {
	User Subscriber `json:"user"`
}

// RedemptionData is the data of shop.product.redemption. The key
// redemption is assumed (the page tables the object, its cut example does
// not show it).
type RedemptionData struct {
	User       Customer   `json:"user"`
	Redemption Redemption `json:"redemption"`
}

// Institution is the Toolzz institution (tenant) that sent the event.
type Institution struct {
	ID ID `json:"id"`
}

// Course is a course of the course, enrollment and activity events.
type Course struct {
	ID   ID     `json:"id" validate:"required"`
	Name string `json:"name"`
}

// Enrollment is a learner's enrollment in a course. CourseID need not equal
// the event's Course.ID (it does not in Toolzz's example).
type Enrollment struct {
	ID         ID    `json:"id"`
	DateExpire *Time `json:"date_expire"` // "yyyy-MM-dd", null when it never expires
	CourseID   ID    `json:"course_id"`
	Actived    Bool  `json:"actived"` // [sic] activated; sent as 1/0
	Status     Bool  `json:"status"`  // 1 active, 0 inactive
}

// Trail is a completed learning trail.
type Trail struct {
	ID         ID            `json:"id"`
	Name       string        `json:"name"`
	FinishedAt Time          `json:"finished_at"`
	Courses    []TrailCourse `json:"courses"`
}

// TrailCourse is a course of a trail; Toolzz names it "title" here.
type TrailCourse struct {
	ID    ID     `json:"id"`
	Title string `json:"title"`
}

// CompletedContent is the completed content item of
// activities.content.completed. ID is the id of the completion record.
type CompletedContent struct {
	ID            ID       `json:"id"`
	InstitutionID ID       `json:"institution_id"`
	SchoolID      ID       `json:"school_id"`
	CourseID      ID       `json:"course_id"`
	LessonID      ID       `json:"lesson_id"`
	ContentID     *ID      `json:"content_id"`
	Answer        *string  `json:"answer"`
	Correct       *Bool    `json:"correct"`
	Explanation   *string  `json:"explanation"`
	Points        *float64 `json:"points"`
	SendDate      *Time    `json:"send_date"`    // "yyyy-MM-dd HH:mm:ss" (per the LMS page)
	Delivered     Bool     `json:"delivered"`    // sent as 1/0
	CurrentTime   *Time    `json:"current_time"` // "yyyy-MM-dd HH:mm:ss" (per the LMS page)
}

// ProgressCourse is the course of activities.content.completed.
type ProgressCourse struct {
	ID            ID      `json:"id"`
	Name          string  `json:"name"`
	CertificateID *ID     `json:"certificate_id"`
	Progress      float64 `json:"progress"` // completion; the scale (0-100 or 0-1) is not documented
}

// AnsweredContent is the activity answered in activities.answered.activity.
type AnsweredContent struct {
	ID              ID       `json:"id"`
	Type            int      `json:"type"`   // content type code; the codes are not documented
	Answer          string   `json:"answer"` // a URL or path to the answer
	Correct         *Bool    `json:"correct"`
	Explanation     *string  `json:"explanation"`
	Points          *float64 `json:"points"`
	DateDelivery    *Time    `json:"date_delivery"`    // "yyyy-MM-dd"
	ContentDelivery int      `json:"content_delivery"` // delivery type code; not documented
	CurrentTime     *string  `json:"current_time"`     // a time of day, "HH:mm:ss"
}

// CertifiedCourse is the course of activities.certificate.issued.
type CertifiedCourse struct {
	ID          ID     `json:"id"`
	Name        string `json:"name"`
	Workload    string `json:"workload"` // such as "10h"
	EnrolledAt  Time   `json:"enrolled_at"`
	ConcludedAt Time   `json:"concluded_at"`
}

// CertificateSchool is the school of activities.certificate.issued.
type CertificateSchool struct {
	ID       ID        `json:"id"`
	Name     string    `json:"name"`
	Managers []Manager `json:"managers"`
}

// Manager is a manager of a school.
type Manager struct {
	ManagerID   ID     `json:"manager_id"`
	ManagerName string `json:"manager_name"`
}

// Certificate is the issued certificate.
type Certificate struct {
	CertifiedAt  Time    `json:"certified_at"`
	Type         string  `json:"type"`          // participation or achievement; the wire values are not documented
	ApprovalRate float64 `json:"approval_rate"` // the pass mark of an achievement certificate
}

// Redemption is a product exchange of the rewards shop. Toolzz sends every
// value of it as a string.
type Redemption struct {
	ID           ID      `json:"id"`
	ExchangeDate Time    `json:"exchange_date"`
	Quantity     string  `json:"quantity"`
	TotalPayment string  `json:"total_payment"` // points paid
	Institution  Named   `json:"institution"`
	School       Named   `json:"school"`
	Product      Product `json:"product"`
}

// Named is an institution or school of a redemption.
type Named struct {
	ID   ID     `json:"id"`
	Name string `json:"name"`
}

// Product is a product of the rewards shop.
type Product struct {
	ID        ID     `json:"id"`
	Name      string `json:"name"`
	Type      string `json:"type"`
	Price     string `json:"price"`
	StockLeft string `json:"stock_left"`
}
