package xapi

import (
	"net/url"

	"github.com/lmshooks/lmshooks/canonical"
)

// activity is the activity of an object: its id from the activity base,
// the vendor, the kind and the escaped object id, its type from the kind,
// its name when known. An MCG card's id includes its course:
// <base>/mcg/course/<course id>/card/<card id>.
func (c *config) activity(vendor canonical.Vendor, o, parent *canonical.Object) Activity {
	id := c.activityID(vendor, o)
	if o.Kind == canonical.KindCard && parent != nil {
		id = c.activityID(vendor, parent) + "/card/" + url.PathEscape(o.ID)
	}
	def := &ActivityDefinition{Type: kindTypes[o.Kind], Name: c.name(o.Name)}
	if o.Kind == canonical.KindCard {
		def.InteractionType = "other"
	}
	return Activity{ObjectType: "Activity", ID: id, Definition: orNil(def)}
}

// activityID is <base>/<vendor>/<kind>/<url-path-escaped object id>.
func (c *config) activityID(vendor canonical.Vendor, o *canonical.Object) string {
	return c.activityBase + "/" + string(vendor) + "/" + string(o.Kind) + "/" + url.PathEscape(o.ID)
}

// platformActivity is the vendor's platform itself, the object of
// user.created: its id is the vendor's account home page.
func (c *config) platformActivity(vendor canonical.Vendor) Activity {
	return Activity{ObjectType: "Activity", ID: c.homePages[vendor], Definition: &ActivityDefinition{
		Name: c.name(platforms[vendor]),
		Type: typeLMS,
	}}
}

// certificateActivity is the certificate awarded for object: the
// certificate's URL when it is an absolute http(s) URL, else the object's
// activity id followed by /certificate.
func (c *config) certificateActivity(cert *canonical.Certificate, object Activity) Activity {
	id := object.ID + "/certificate"
	if u, err := url.Parse(cert.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && checkIRI(cert.URL) == nil {
		id = cert.URL
	}
	return Activity{ObjectType: "Activity", ID: id, Definition: &ActivityDefinition{Type: typeCertificate}}
}

// name is the language map of a name, nil when the name is unknown.
func (c *config) name(name string) LanguageMap {
	if name == "" {
		return nil
	}
	return LanguageMap{c.language: name}
}

// orNil returns nil for an empty definition, never {}.
func orNil(d *ActivityDefinition) *ActivityDefinition {
	if d.Name == nil && d.Type == "" && d.InteractionType == "" {
		return nil
	}
	return d
}
