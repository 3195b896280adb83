package braincert

// The payload structs keep every documented key. Placeholder values of the
// docs ("free/paid", "no/yes", "30 minutes", "Price") are plain strings, kept
// as sent. The xmlid tag marks an ID that the docs send as a JSON string
// although its text may be all digits; ParseXML needs it (see there).

// NewUser is the payload of User Created (user.signup). Unlike the other
// user topics it carries one name and user_id.
type NewUser struct {
	Name                     string        `json:"name"`
	UserID                   ID            `json:"user_id" validate:"required"`
	Email                    string        `json:"email"`
	DateAdded                Time          `json:"date_added"`
	AvatarURL                *string       `json:"avatar_url"` // null when the user has no avatar
	CustomRegistrationFields []CustomField `json:"custom_registration_fields"`
	Groups                   []Membership  `json:"groups"`
	Roles                    []Role        `json:"roles"`
}

// User is the payload of User Updated and User Deleted.
type User struct {
	ID                       ID            `json:"id" validate:"required"`
	FirstName                string        `json:"first_name"`
	LastName                 string        `json:"last_name"`
	Email                    string        `json:"email"`
	Roles                    []Role        `json:"roles"`
	CustomRegistrationFields []CustomField `json:"custom_registration_fields"`
	Groups                   []Membership  `json:"groups"`
}

// CustomField is one answer to a custom registration field.
type CustomField struct {
	FieldID    string `json:"field_id"`
	FieldName  string `json:"field_name"`
	FieldValue string `json:"field_value"`
}

// Membership is a group a user belongs to. The docs send its group_id as a
// string ("101").
type Membership struct {
	GroupID   ID     `json:"group_id" xmlid:"string"`
	GroupName string `json:"group_name"`
}

// Role is a role a user holds. The docs send its role_id as a string ("1").
type Role struct {
	RoleID   ID     `json:"role_id" xmlid:"string"`
	RoleName string `json:"role_name"`
}

// Group is the payload of Group Created. Its group_id is a number (304050).
type Group struct {
	GroupID     ID     `json:"group_id" validate:"required"`
	GroupName   string `json:"group_name"`
	Description string `json:"description"`
}

// Course is the payload of Course Created, Updated and Deleted.
type Course struct {
	ID                 ID           `json:"id" validate:"required"`
	Name               string       `json:"name"`
	Slug               string       `json:"slug"`
	Subtitle           string       `json:"subtitle"`
	Description        string       `json:"description"`
	CourseCardImageURL string       `json:"course_card_image_url"`
	CreatedAt          Time         `json:"created_at"`
	PaymentType        string       `json:"payment_type"` // "free", "paid"; the docs show "free/paid"
	Instructors        []Instructor `json:"instructors"`
}

// Instructor is a course's, bundle course's, test's or live class's
// instructor. Live class instructors carry no bio: Bio is omitted on
// encoding when empty.
type Instructor struct {
	ID        ID     `json:"id"`
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Bio       string `json:"bio,omitempty"`
}

// Bundle is the payload of Course Bundle Created, Updated and Deleted.
type Bundle struct {
	ID                 ID             `json:"id" validate:"required"`
	Name               string         `json:"name"`
	Slug               string         `json:"slug"`
	Description        string         `json:"description"`
	BundleCardImageURL string         `json:"bundle_card_image_url"`
	CreatedAt          Time           `json:"created_at"`
	PaymentType        string         `json:"payment_type"`
	Courses            []BundleCourse `json:"courses"`
}

// BundleCourse is one course of a bundle.
type BundleCourse struct {
	CourseID    ID           `json:"course_id"`
	CourseName  string       `json:"course_name"`
	Instructors []Instructor `json:"instructors"`
}

// Test is the payload of Test Created, Updated and Deleted (resource
// "assessment").
type Test struct {
	ID               ID         `json:"id" validate:"required"`
	Name             string     `json:"name"`
	Slug             string     `json:"slug"`
	Description      string     `json:"description"`
	TestCardImageURL string     `json:"tes_card_image_url"` // sic: BrainCert's key
	ScoringType      string     `json:"scoring_type"`
	TimeLimit        string     `json:"time_limit"` // text, such as "30 minutes"
	PaymentType      string     `json:"payment_type"`
	CreatedAt        Time       `json:"created_at"`
	Instructor       Instructor `json:"instructor"`
}

// LiveClass is the payload of Live Class Created, Updated and Deleted.
type LiveClass struct {
	ClassID       ID           `json:"class_id" validate:"required"`
	Name          string       `json:"name"`
	Slug          string       `json:"slug"`
	Description   string       `json:"description"`
	Datacenter    string       `json:"datacenter"`
	ClassType     string       `json:"class_type"` // "One-time" or "recurring"
	AttendeeLimit int          `json:"attendee_limit"`
	ScheduledDate string       `json:"scheduled_date"` // "2024-03-01", no zone
	ScheduledTime string       `json:"scheduled_time"` // "15:00:00", no zone
	Instructors   []Instructor `json:"instructors"`
}

// Product is the payload of Product Created, Updated and Deleted. It has no
// id: the slug (the product page's URL) identifies it. Prices and charges
// are strings here (in a sale they are numbers).
type Product struct {
	ProductType    string `json:"product_type"`
	Name           string `json:"name"`
	Excerpt        string `json:"excerpt"`
	Slug           string `json:"slug" validate:"required"`
	Price          string `json:"price"`
	Discount       string `json:"discount"`
	Description    string `json:"description"`
	ShippingOption string `json:"shipping_option"`
	ShippingCharge string `json:"shipping_charge"`
	Weight         string `json:"weight"`
	Banner         string `json:"banner"`
	SKU            string `json:"sku"`
	TrackStock     bool   `json:"track_stock"`
	ItemsInStock   int    `json:"items_in_stock"`
}

// Person is the user of an enrollment or a completion.
type Person struct {
	ID        ID     `json:"id" validate:"required"`
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Email     string `json:"email"`
}

// Ref names the course or test of an enrollment.
type Ref struct {
	ID   ID     `json:"id" validate:"required"`
	Name string `json:"name"`
}

// CourseEnrollmentPayload is the payload of Course Enrollment.
type CourseEnrollmentPayload struct {
	ActivatedAt  Time   `json:"activated_at"`
	Course       Ref    `json:"course"`
	EnrollmentID ID     `json:"enrollment_id"`
	StartedAt    Time   `json:"started_at"`
	User         Person `json:"user"`
}

// TestEnrollmentPayload is the payload of Test Enrollment.
type TestEnrollmentPayload struct {
	ActivatedAt  Time   `json:"activated_at"`
	Test         Ref    `json:"test"`
	EnrollmentID ID     `json:"enrollment_id"`
	StartedAt    Time   `json:"started_at"`
	User         Person `json:"user"`
}

// LiveClassEnrollmentPayload is the payload of Live Class Enrollment. The
// class's id is class_id; live_class describes it.
type LiveClassEnrollmentPayload struct {
	ClassID          ID                `json:"class_id" validate:"required"`
	LiveClass        LiveClassSchedule `json:"live_class"`
	EnrollmentID     ID                `json:"enrollment_id"`
	EnrolledAt       Time              `json:"enrolled_at"`
	User             Person            `json:"user"`
	EnrollmentStatus string            `json:"enrollment_status"`
}

// LiveClassSchedule describes the live class of an enrollment.
type LiveClassSchedule struct {
	Name          string `json:"name"`
	Datacenter    string `json:"datacenter"`
	ClassType     string `json:"class_type"`
	ScheduledDate string `json:"scheduled_date"`
	ScheduledTime string `json:"scheduled_time"`
}

// CourseCompletionPayload is the payload of Course Completed.
type CourseCompletionPayload struct {
	Course            CompletedCourse   `json:"course"`
	User              Person            `json:"user"`
	CompletionDetails CompletionDetails `json:"completion_details"`
}

// CompletedCourse is the course of a completion; its name is "title".
type CompletedCourse struct {
	ID             ID     `json:"id" validate:"required"`
	Title          string `json:"title"`
	CompletionDate Time   `json:"completion_date"`
}

// CompletionDetails tells about the certificate of a completion.
type CompletionDetails struct {
	CertificateIssued         string `json:"certificate_issued"` // "yes" or "no"
	CertificateExpiry         string `json:"certificate_expiry"` // "yes" or "no": whether it expires
	CertificateExpirationDate Time   `json:"certificate_expiration_date"`
}

// TestCompletionPayload is the payload of Test Completed. The scores are
// required: they decide whether the user passed.
type TestCompletionPayload struct {
	ID             ID       `json:"id" validate:"required"`
	Name           string   `json:"name"`
	FinalScore     *float64 `json:"final_score" validate:"required"`
	PassingScore   *float64 `json:"passing_score" validate:"required"`
	OpenEnded      string   `json:"open_ended"`     // "no" or "yes"; the docs show "no/yes"
	ScoringType    string   `json:"scoring_type"`   // "adaptive", "standard" or "partial credit"
	TimeLimit      string   `json:"time_limit"`     // text, such as "30 minutes"
	ManualScoring  string   `json:"manual_scoring"` // "pending", "completed" or "null"
	TotalQuestions int      `json:"total_questions"`
	CorrectCount   int      `json:"correct_count"`
	IncorrectCount int      `json:"incorrect_count"`
	User           Person   `json:"user"`
}

// SalePayload is the payload of New Sale (purchase.completed). Amounts are
// numbers here (in a product they are strings).
type SalePayload struct {
	OrderID       ID         `json:"order_id" xmlid:"string" validate:"required"`
	OrderDate     Time       `json:"order_date"`
	PaymentMethod string     `json:"payment_method"`
	PaymentMode   string     `json:"payment_mode"`
	Currency      string     `json:"currency"`
	TotalAmount   float64    `json:"total_amount"`
	ServiceCharge float64    `json:"service_charge"`
	Total         float64    `json:"total"`
	PaymentStatus string     `json:"payment_status"`
	Items         []SaleItem `json:"items"`
	User          Customer   `json:"user"`
}

// SaleItem is one line of an order.
type SaleItem struct {
	Type                string  `json:"type"` // "course", "assessment", ...
	Name                string  `json:"name"`
	Price               float64 `json:"price"`
	Quantity            int     `json:"quantity"`
	ShippingCharge      float64 `json:"shipping_charge"`
	TotalShippingAmount float64 `json:"total_shipping_amount"`
	Discount            float64 `json:"discount"`
	ItemTotal           float64 `json:"item_total"`
}

// Customer is the buyer of a sale. The docs give no id and no last name.
type Customer struct {
	Email         string `json:"email"`
	FirstName     string `json:"first_name"`
	CustomerSince Time   `json:"customer_since"`
}
