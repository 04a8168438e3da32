package ledger

import (
	"database/sql"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The states of a message of the send log (migration 014). A message is
// written MailSending and committed before the program talks to the
// server, so that a crash leaves a log saying exactly whose fate is
// unknown; it becomes MailSent only once the server accepted it.
const (
	MailPending = "pending" // waits for its turn (or for « Réessayer »)
	MailSending = "sending" // being sent; after a crash: unknown
	MailSent    = "sent"    // accepted by the server
	MailRefused = "refused" // refused, with the server's words
	MailSkipped = "skipped" // no consent or no address: to print
)

// Mailing is one sending: the notices of a call, the reminders of a day…
type Mailing struct {
	ID      int64
	Kind    string // a key of DocumentKinds
	Title   string
	Subject string
	Body    string // the template's body as sent, for a retry
	Created time.Time
}

// MailMessage is a message to one owner in a mailing.
type MailMessage struct {
	ID        int64
	Mailing   int64
	Owner     string
	Address   string
	Status    string
	Reason    string
	At        time.Time // when its status last changed
	Tries     int
	Amount    string  // what its {montant} said, for a retry
	Documents []int64 // the register's documents attached
}

// StatusText says a message's state in French, as the log shows it.
func (m MailMessage) StatusText() string {
	switch m.Status {
	case MailPending:
		return "en attente"
	case MailSending:
		return "inconnu"
	case MailSent:
		return "envoyé"
	case MailRefused:
		return "refusé"
	case MailSkipped:
		return "à imprimer"
	}
	return m.Status
}

// UnknownFate is the reason a message left 'sending' by a crash shows:
// the server may have got it, so it is retried only when the syndic says so.
const UnknownFate = "le programme s'est arrêté pendant l'envoi : le serveur a peut-être reçu ce message"

// MaxReplyText bounds a server's reply kept in the log.
const MaxReplyText = 500

// CleanReply makes a text that came from outside (an SMTP server's reply,
// an error) fit for the log: valid UTF-8, each control character a space,
// spaces collapsed, at most MaxReplyText characters. A server is not
// trusted to send printable text.
func CleanReply(s string) string {
	s = strings.ToValidUTF8(s, "?")
	var b strings.Builder
	space := false
	n := 0
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' || unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
			n++
		}
		space = false
		if n >= MaxReplyText-1 {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		n++
	}
	out := b.String()
	if utf8.RuneCountInString(out) > MaxReplyText {
		out = string([]rune(out)[:MaxReplyText-1]) + "…"
	}
	return out
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05") }

// AddMailing records a mailing and its messages (each 'pending', or
// 'skipped' with its reason) and returns the mailing's id and the
// messages' ids in order.
func (tx *Tx) AddMailing(m Mailing, msgs []MailMessage) (int64, []int64, error) {
	if _, ok := DocumentKinds[m.Kind]; !ok && m.Kind != "test" {
		return 0, nil, Errorf(Invalid, "Genre de document inconnu : « %s »", m.Kind)
	}
	if err := cleanTexts(textField{&m.Title, "titre de l'envoi", LabelText}, textField{&m.Subject, "objet du message", LabelText}, textField{&m.Body, "texte du message", NotesText}); err != nil {
		return 0, nil, err
	}
	if m.Created.IsZero() {
		m.Created = Now()
	}
	res, err := tx.exec("enregistrement d'un envoi", `INSERT INTO mailings (kind, title, created_at, subject, body) VALUES (?, ?, ?, ?, ?)`,
		m.Kind, m.Title, stamp(m.Created), m.Subject, m.Body)
	if err != nil {
		return 0, nil, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, nil, sqlError(err, "enregistrement d'un envoi")
	}
	ids := make([]int64, len(msgs))
	for i, msg := range msgs {
		if msg.Status != MailPending && msg.Status != MailSkipped {
			return 0, nil, Errorf(Internal, "Un message est enregistré en attente ou non envoyé, pas « %s »", msg.Status)
		}
		at := ""
		if msg.Status == MailSkipped {
			at = stamp(m.Created)
		}
		res, err := tx.exec("enregistrement d'un envoi", `INSERT INTO mail_messages (mailing, owner, address, status, reason, at, amount) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			id, msg.Owner, CleanReply(msg.Address), msg.Status, CleanReply(msg.Reason), at, CleanReply(msg.Amount))
		if err != nil {
			return 0, nil, err
		}
		if ids[i], err = res.LastInsertId(); err != nil {
			return 0, nil, sqlError(err, "enregistrement d'un envoi")
		}
		for _, d := range msg.Documents {
			if _, err := tx.exec("enregistrement d'un envoi", `INSERT OR IGNORE INTO mail_documents (message, document) VALUES (?, ?)`, ids[i], d); err != nil {
				return 0, nil, err
			}
		}
	}
	return id, ids, nil
}

// setMessage moves message id from one of the states from to state.
func (tx *Tx) setMessage(id int64, state, reason string, tried bool, from ...string) error {
	q := `UPDATE mail_messages SET status = ?, reason = ?, at = ?, tries = tries + ? WHERE id = ? AND status IN (` +
		strings.TrimSuffix(strings.Repeat("?, ", len(from)), ", ") + `)`
	t := 0
	if tried {
		t = 1
	}
	args := []any{state, CleanReply(reason), stamp(Now()), t, id}
	for _, f := range from {
		args = append(args, f)
	}
	res, err := tx.exec("mise à jour du journal des envois", q, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return Errorf(Conflict, "Le message n° %d n'est plus %s : un autre envoi s'en occupe peut-être", id, strings.Join(from, " ou "))
	}
	return nil
}

// MarkSending says message id is about to be given to the server. The
// caller commits it before talking to the server.
func (tx *Tx) MarkSending(id int64) error {
	return tx.setMessage(id, MailSending, "", true, MailPending)
}

// MarkSent says the server accepted message id.
func (tx *Tx) MarkSent(id int64) error { return tx.setMessage(id, MailSent, "", false, MailSending) }

// MarkRefused says message id was not accepted, and why (French, with the
// server's words).
func (tx *Tx) MarkRefused(id int64, reason string) error {
	return tx.setMessage(id, MailRefused, reason, false, MailSending, MailPending)
}

// RequeueMessage puts a refused message, or one of unknown fate (the
// syndic confirmed it may be sent again), back in line.
func (tx *Tx) RequeueMessage(id int64) error {
	return tx.setMessage(id, MailPending, "", false, MailRefused, MailSending, MailPending)
}

const mailingColumns = `id, kind, title, created_at, subject, body`

func scanMailing(r interface{ Scan(...any) error }) (Mailing, error) {
	var m Mailing
	var at string
	err := r.Scan(&m.ID, &m.Kind, &m.Title, &at, &m.Subject, &m.Body)
	m.Created, _ = time.Parse("2006-01-02T15:04:05", at)
	return m, err
}

// Mailings lists the mailings, newest first.
func (tx *Tx) Mailings() ([]Mailing, error) {
	return collect(tx, "lecture du journal des envois", `SELECT `+mailingColumns+` FROM mailings ORDER BY id DESC`, nil,
		func(r *sql.Rows) (Mailing, error) { return scanMailing(r) })
}

// Mailing reads one mailing.
func (tx *Tx) Mailing(id int64) (Mailing, error) {
	m, err := scanMailing(tx.queryRow(`SELECT `+mailingColumns+` FROM mailings WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return m, Errorf(NotFound, "L'envoi n° %d n'est pas au journal", id)
	}
	return m, sqlError(err, "lecture du journal des envois")
}

const messageColumns = `id, mailing, owner, address, status, reason, at, tries, amount`

func (tx *Tx) messages(where string, arg any) ([]MailMessage, error) {
	msgs, err := collect(tx, "lecture du journal des envois", `SELECT `+messageColumns+` FROM mail_messages WHERE `+where+` ORDER BY mailing DESC, owner, id`, []any{arg},
		func(r *sql.Rows) (MailMessage, error) {
			var m MailMessage
			var at string
			err := r.Scan(&m.ID, &m.Mailing, &m.Owner, &m.Address, &m.Status, &m.Reason, &at, &m.Tries, &m.Amount)
			m.At, _ = time.Parse("2006-01-02T15:04:05", at)
			return m, err
		})
	if err != nil {
		return nil, err
	}
	for i := range msgs {
		if msgs[i].Status == MailSending && msgs[i].Reason == "" {
			msgs[i].Reason = UnknownFate
		}
		msgs[i].Documents, err = collect(tx, "lecture du journal des envois", `SELECT document FROM mail_documents WHERE message = ? ORDER BY document`, []any{msgs[i].ID},
			func(r *sql.Rows) (int64, error) {
				var d int64
				return d, r.Scan(&d)
			})
		if err != nil {
			return nil, err
		}
	}
	return msgs, nil
}

// MailMessages are a mailing's messages, by owner.
func (tx *Tx) MailMessages(mailing int64) ([]MailMessage, error) {
	return tx.messages(`mailing = ?`, mailing)
}

// OwnerMail is every message to an owner, newest mailing first: what the
// owner card shows of what he was sent.
func (tx *Tx) OwnerMail(owner string) ([]MailMessage, error) {
	return tx.messages(`owner = ?`, owner)
}
