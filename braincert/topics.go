package braincert

// Topic is a BrainCert webhook topic: the body's resource and action joined
// by a dot, exactly as BrainCert sends them.
type Topic string

// The topics BrainCert documents, plus Product Updated (undocumented, same
// body as Product Created).
const (
	TopicUserCreated         Topic = "user.signup"
	TopicUserUpdated         Topic = "user.updated"
	TopicUserDeleted         Topic = "user.deleted"
	TopicGroupCreated        Topic = "group.created"
	TopicCourseCreated       Topic = "course.created"
	TopicCourseUpdated       Topic = "course.updated"
	TopicCourseDeleted       Topic = "course.deleted"
	TopicBundleCreated       Topic = "bundle.created"
	TopicBundleUpdated       Topic = "bundle.updated"
	TopicBundleDeleted       Topic = "bundle.deleted"
	TopicTestCreated         Topic = "assessment.created"
	TopicTestUpdated         Topic = "assessment.updated"
	TopicTestDeleted         Topic = "assessment.deleted"
	TopicLiveClassCreated    Topic = "virtual classroom.created"
	TopicLiveClassUpdated    Topic = "virtual classroom.updated"
	TopicLiveClassDeleted    Topic = "virtual classroom.deleted"
	TopicProductCreated      Topic = "product.created"
	TopicProductUpdated      Topic = "product.updated"
	TopicProductDeleted      Topic = "product.deleted"
	TopicCourseEnrollment    Topic = "course_enrollment.enrollment"
	TopicTestEnrollment      Topic = "test_enrollment.enrollment"
	TopicLiveClassEnrollment Topic = "virtual classroom.enrollment"
	TopicCourseCompleted     Topic = "course_completion.completed"
	TopicTestCompleted       Topic = "assessment.completed"
	TopicNewSale             Topic = "purchase.completed"
)

// topicTable is the one list of modelled topics: it drives parsing and
// Topics. Each entry makes the empty struct its body decodes into.
var topicTable = []struct {
	topic    Topic
	newEvent func() Event
}{
	{TopicUserCreated, func() Event { return new(UserCreated) }},
	{TopicUserUpdated, func() Event { return new(UserUpdated) }},
	{TopicUserDeleted, func() Event { return new(UserDeleted) }},
	{TopicGroupCreated, func() Event { return new(GroupCreated) }},
	{TopicCourseCreated, func() Event { return new(CourseCreated) }},
	{TopicCourseUpdated, func() Event { return new(CourseUpdated) }},
	{TopicCourseDeleted, func() Event { return new(CourseDeleted) }},
	{TopicBundleCreated, func() Event { return new(BundleCreated) }},
	{TopicBundleUpdated, func() Event { return new(BundleUpdated) }},
	{TopicBundleDeleted, func() Event { return new(BundleDeleted) }},
	{TopicTestCreated, func() Event { return new(TestCreated) }},
	{TopicTestUpdated, func() Event { return new(TestUpdated) }},
	{TopicTestDeleted, func() Event { return new(TestDeleted) }},
	{TopicLiveClassCreated, func() Event { return new(LiveClassCreated) }},
	{TopicLiveClassUpdated, func() Event { return new(LiveClassUpdated) }},
	{TopicLiveClassDeleted, func() Event { return new(LiveClassDeleted) }},
	{TopicProductCreated, func() Event { return new(ProductCreated) }},
	{TopicProductUpdated, func() Event { return new(ProductUpdated) }},
	{TopicProductDeleted, func() Event { return new(ProductDeleted) }},
	{TopicCourseEnrollment, func() Event { return new(CourseEnrollment) }},
	{TopicTestEnrollment, func() Event { return new(TestEnrollment) }},
	{TopicLiveClassEnrollment, func() Event { return new(LiveClassEnrollment) }},
	{TopicCourseCompleted, func() Event { return new(CourseCompleted) }},
	{TopicTestCompleted, func() Event { return new(TestCompleted) }},
	{TopicNewSale, func() Event { return new(NewSale) }},
}

// newEventFor indexes topicTable. Every known topic has exactly one dot, so
// resource+"."+action matches a topic only for that exact pair.
var newEventFor = func() map[Topic]func() Event {
	m := make(map[Topic]func() Event, len(topicTable))
	for _, entry := range topicTable {
		m[entry.topic] = entry.newEvent
	}
	return m
}()

// Topics returns every topic this package models, grouped by resource.
func Topics() []Topic {
	topics := make([]Topic, len(topicTable))
	for i, entry := range topicTable {
		topics[i] = entry.topic
	}
	return topics
}

// Known reports whether t is one of the topics this package models.
func (t Topic) Known() bool {
	_, ok := newEventFor[t]
	return ok
}

// Events lists the event names (topics, as resource + "." + action) this
// package models, as strings; every vendor package has Events.
func Events() []string {
	names := make([]string, len(topicTable))
	for i, entry := range topicTable {
		names[i] = string(entry.topic)
	}
	return names
}
