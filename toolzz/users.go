package toolzz

// The user objects. Toolzz sends a different set of user fields with each
// event; each type holds exactly the documented set. The user's id is
// required in every event.

// User is the learner of the course, enrollment and certificate events.
type User struct {
	ID       ID      `json:"id" validate:"required"`
	Name     string  `json:"name"`
	Email    string  `json:"email"`
	CPF      CPF     `json:"cpf"`
	Nickname *string `json:"nickname"`
	UUID     *string `json:"uuid"`
}

// BasicUser is the learner of activities.trail.completed and
// activities.content.completed.
type BasicUser struct {
	ID    ID     `json:"id" validate:"required"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// ActivityUser is the learner of activities.answered.activity.
type ActivityUser struct {
	ID    ID      `json:"id" validate:"required"`
	Name  string  `json:"name"`
	Email string  `json:"email"`
	UUID  *string `json:"uuid"`
}

// NewMember is the user of members.created. Toolzz's example was cut off
// after the institutions; the fields after them are as the page tables
// them, FormularioRespostas placed in user by assumption.
type NewMember struct {
	ID          ID                  `json:"id" validate:"required"`
	Name        string              `json:"name"`
	Email       string              `json:"email"`
	DateOfBirth string              `json:"date_of_birth"` // format not documented
	Institution []MemberInstitution `json:"institution"`
	CPF         CPF                 `json:"cpf"`
	CNPJ        string              `json:"cnpj"` // Brazilian company tax number
	Nickname    *string             `json:"nickname"`
	UUID        *string             `json:"uuid"`
	Phone       string              `json:"phone"`
	Address     Address             `json:"address"`
	// FormularioRespostas holds the answers to the institution's own
	// sign-up form, kept as sent (its shape is not documented).
	FormularioRespostas Content `json:"formulario_respostas"`
}

// Member is the user of members.updated.
type Member struct {
	ID          ID                  `json:"id" validate:"required"`
	Name        string              `json:"name"`
	Email       string              `json:"email"`
	Institution []MemberInstitution `json:"institution"`
	CPF         CPF                 `json:"cpf"`
	Nickname    *string             `json:"nickname"`
	UUID        *string             `json:"uuid"`
}

// Subscriber is the user of newslatter.created (no uuid).
type Subscriber struct {
	ID          ID                  `json:"id" validate:"required"`
	Name        string              `json:"name"`
	Email       string              `json:"email"`
	Institution []MemberInstitution `json:"institution"`
	CPF         CPF                 `json:"cpf"`
	Nickname    *string             `json:"nickname"`
}

// Customer is the user of shop.product.redemption.
type Customer struct {
	ID      ID          `json:"id" validate:"required"`
	Name    string      `json:"name"`
	Email   string      `json:"email"`
	Address ShopAddress `json:"address"`
}

// MemberInstitution is an institution a member belongs to, with the
// member's schools (units) in it.
type MemberInstitution struct {
	ID      ID       `json:"id"`
	Schools []School `json:"schools"`
}

// School is a member's school (unit) and role in it.
type School struct {
	ID        ID           `json:"id"`
	RoleID    ID           `json:"role_id"` // role codes are not documented
	CreatedAt DayFirstTime `json:"created_at"`
	UpdatedAt DayFirstTime `json:"updated_at"`
}

// Address is a Brazilian postal address, with Toolzz's Portuguese keys.
type Address struct {
	CEP         string `json:"cep"`         // postal code
	UF          string `json:"uf"`          // state
	Cidade      string `json:"cidade"`      // city
	Bairro      string `json:"bairro"`      // district
	Logradouro  string `json:"logradouro"`  // street
	Numero      string `json:"numero"`      // house number
	Complemento string `json:"complemento"` // flat, suite
}

// ShopAddress is the delivery address of a redemption: an Address plus a
// landmark.
type ShopAddress struct {
	CEP         string `json:"cep"`
	UF          string `json:"uf"`
	Cidade      string `json:"cidade"`
	Bairro      string `json:"bairro"`
	Logradouro  string `json:"logradouro"`
	Numero      string `json:"numero"`
	Complemento string `json:"complemento"`
	Referencia  string `json:"referencia"` // landmark
}
