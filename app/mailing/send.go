package mailing

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"tantieme/app"
	"tantieme/ledger"
	"tantieme/mailer"
)

// Outcome is one owner's line of a mailing's result, as the CLI's JSON
// prints it.
type Outcome struct {
	Owner  string `json:"owner"`
	Email  string `json:"email"`
	Status string `json:"status"`
	Reason string `json:"reason"`
}

// Result is a mailing after a run.
type Result struct {
	Mailing  int64
	Outcomes []Outcome
}

// Count counts the outcomes of a status.
func (r Result) Count(status string) (n int) {
	for _, o := range r.Outcomes {
		if o.Status == status {
			n++
		}
	}
	return n
}

// Progress is told, after each message, how many are done out of how
// many, and whose message comes next ("" at the end).
type Progress func(done, total int, owner string)

// afterSending is a test's hook: called once a message is committed as
// 'sending', before the server is asked; false simulates a crash there.
var afterSending = func(owner string) bool { return true }

// errCrash is what a simulated crash returns.
var errCrash = errors.New("arrêt simulé")

// Send records the mailing of plan (every message 'pending', or 'skipped'
// with its reason) and sends it: one connection, one message after the
// other. The password is the caller's (mailer.Password, or asked).
func Send(ctx context.Context, r *app.Residence, p *Plan, t Template, s mailer.Settings, password string, progress Progress) (Result, error) {
	if err := Registered(p.Kind); err != nil {
		return Result{}, err
	}
	if err := s.Check(); err != nil {
		return Result{}, err
	}
	msgs := make([]ledger.MailMessage, len(p.Lines))
	for i, l := range p.Lines {
		m := ledger.MailMessage{Owner: l.Owner, Address: l.Email, Status: ledger.MailPending, Amount: l.Fields["montant"]}
		if l.Skip != "" {
			m.Status, m.Reason = ledger.MailSkipped, l.Skip
		}
		for _, d := range l.Documents {
			m.Documents = append(m.Documents, d.ID)
		}
		msgs[i] = m
	}
	var id int64
	err := r.Update(func(tx *ledger.Tx) error {
		var err error
		id, _, err = tx.AddMailing(ledger.Mailing{Kind: p.Kind, Title: p.Title, Subject: t.Subject, Body: t.Body}, msgs)
		return err
	})
	if err != nil {
		return Result{}, err
	}
	return run(ctx, r, id, s, password, progress)
}

// Retry sends again a mailing's refused and pending messages; with
// unknownToo, also those a crash left 'sending' (the syndic confirmed: the
// server may have got them, the owner may receive it twice).
func Retry(ctx context.Context, r *app.Residence, mailing int64, unknownToo bool, s mailer.Settings, password string, progress Progress) (Result, error) {
	err := r.Update(func(tx *ledger.Tx) error {
		msgs, err := tx.MailMessages(mailing)
		if err != nil {
			return err
		}
		if len(msgs) == 0 {
			if _, err := tx.Mailing(mailing); err != nil {
				return err
			}
		}
		for _, m := range msgs {
			if m.Status == ledger.MailRefused || (unknownToo && m.Status == ledger.MailSending) {
				if err := tx.RequeueMessage(m.ID); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	return run(ctx, r, mailing, s, password, progress)
}

// Unknown counts a mailing's messages of unknown fate (left 'sending').
func Unknown(r *app.Residence, mailing int64) (int, error) {
	msgs, err := Messages(r, mailing)
	n := 0
	for _, m := range msgs {
		if m.Status == ledger.MailSending {
			n++
		}
	}
	return n, err
}

// run sends a mailing's pending messages.
func run(ctx context.Context, r *app.Residence, id int64, s mailer.Settings, password string, progress Progress) (Result, error) {
	if progress == nil {
		progress = func(int, int, string) {}
	}
	var m ledger.Mailing
	var msgs []ledger.MailMessage
	var body string
	var root string
	var docs map[int64]ledger.Document
	names := map[string]ledger.Owner{}
	var info ledger.Residence
	err := r.View(func(tx *ledger.Tx) error {
		var err error
		if m, err = tx.Mailing(id); err != nil {
			return err
		}
		if msgs, err = tx.MailMessages(id); err != nil {
			return err
		}
		if body = m.Body; body == "" {
			body = DefaultTemplate(m.Kind).Body
		}
		if info, err = tx.Residence(); err != nil {
			return err
		}
		docs = map[int64]ledger.Document{}
		for _, msg := range msgs {
			if names[msg.Owner], err = tx.Owner(msg.Owner); err != nil {
				return err
			}
			for _, d := range msg.Documents {
				if docs[d], err = tx.Document(d); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	amounts := map[string]string{}
	for _, msg := range msgs {
		amounts[msg.Owner] = msg.Amount
	}
	if root, err = r.DocumentsFolder(); err != nil {
		return Result{}, err
	}
	var todo []ledger.MailMessage
	for _, msg := range msgs {
		if msg.Status == ledger.MailPending {
			todo = append(todo, msg)
		}
	}
	if len(todo) > 0 {
		if err := sendAll(ctx, r, m, Template{Subject: m.Subject, Body: body}, amounts, info, root, todo, docs, names, s, password, progress); err != nil {
			res, _ := outcomes(r, id)
			return res, err
		}
	}
	progress(len(todo), len(todo), "")
	return outcomes(r, id)
}

func sendAll(ctx context.Context, r *app.Residence, m ledger.Mailing, tmpl Template, amounts map[string]string, info ledger.Residence, root string, todo []ledger.MailMessage,
	docs map[int64]ledger.Document, names map[string]ledger.Owner, s mailer.Settings, password string, progress Progress) error {
	progress(0, len(todo), todo[0].Owner)
	sess, err := mailer.Dial(ctx, s, password)
	if err != nil {
		// Nothing was sent: each message says why, on its line.
		reason := ledger.Message(err)
		if uerr := r.Update(func(tx *ledger.Tx) error {
			for _, msg := range todo {
				if err := tx.MarkRefused(msg.ID, reason); err != nil {
					return err
				}
			}
			return nil
		}); uerr != nil {
			return uerr
		}
		return err
	}
	defer sess.Close()
	for i, msg := range todo {
		if err := ctx.Err(); err != nil {
			return nil // stopped: the rest stay pending
		}
		progress(i, len(todo), msg.Owner)
		o := names[msg.Owner]
		date := ""
		var files []mailer.Attachment
		for _, d := range msg.Documents {
			doc := docs[d]
			files = append(files, mailer.Attachment{Path: app.DocumentPath(root, doc), Name: attachmentName(doc)})
			if date == "" {
				date = ledger.FrenchDate(doc.Date)
				if m.Kind == "decompte" {
					if ex, err := exerciseOf(r, doc); err == nil {
						date = itoa(ex.Year())
					}
				}
			}
		}
		t := Merge(tmpl, map[string]string{"civilite": civility(o), "nom": o.Name, "residence": info.Name,
			"syndic": info.SyndicName, "date": date, "montant": amounts[msg.Owner]})
		// Committed before the server is asked: a crash from here leaves
		// this one message of unknown fate, and the log says so.
		if err := r.Update(func(tx *ledger.Tx) error { return tx.MarkSending(msg.ID) }); err != nil {
			return err
		}
		if !afterSending(msg.Owner) {
			return errCrash
		}
		sendErr := sess.Send(mailer.Message{To: msg.Address, ToName: o.DisplayName(), Subject: t.Subject, Body: t.Body, Attachments: files})
		var refusal *mailer.Refusal
		if err := r.Update(func(tx *ledger.Tx) error {
			if sendErr == nil {
				return tx.MarkSent(msg.ID)
			}
			reason := sendErr.Error()
			if errors.As(sendErr, &refusal) {
				reason = refusal.Reason
			}
			return tx.MarkRefused(msg.ID, reason)
		}); err != nil {
			return err
		}
		if refusal != nil && refusal.Lost {
			return nil // the rest stay pending, for « Réessayer »
		}
	}
	return nil
}

// attachmentName is the name an owner sees: the register's file name.
func attachmentName(d ledger.Document) string {
	name := filepath.Base(filepath.FromSlash(d.File))
	if !strings.EqualFold(filepath.Ext(name), ".pdf") {
		name += ".pdf"
	}
	return name
}

// Messages are a mailing's messages, by owner.
func Messages(r *app.Residence, mailing int64) ([]ledger.MailMessage, error) {
	return read(r, func(tx *ledger.Tx) ([]ledger.MailMessage, error) { return tx.MailMessages(mailing) })
}

// Mailings are the log's mailings, newest first.
func Mailings(r *app.Residence) ([]ledger.Mailing, error) {
	return read(r, (*ledger.Tx).Mailings)
}

// OwnerMail is what an owner was sent.
func OwnerMail(r *app.Residence, owner string) ([]ledger.MailMessage, error) {
	return read(r, func(tx *ledger.Tx) ([]ledger.MailMessage, error) { return tx.OwnerMail(owner) })
}

// outcomes are a mailing's lines as the CLI prints them.
func outcomes(r *app.Residence, id int64) (Result, error) {
	msgs, err := Messages(r, id)
	res := Result{Mailing: id}
	for _, m := range msgs {
		res.Outcomes = append(res.Outcomes, Outcome{Owner: m.Owner, Email: m.Address, Status: m.Status, Reason: m.Reason})
	}
	return res, err
}

// TestMessage sends a message without attachment to the syndic's own
// address (the sender's), to check the settings.
func TestMessage(ctx context.Context, s mailer.Settings, password string) error {
	sess, err := mailer.Dial(ctx, s, password)
	if err != nil {
		return err
	}
	defer sess.Close()
	err = sess.Send(mailer.Message{To: s.From, ToName: s.FromName, Subject: "Tantième – message d'essai",
		Body: "Ce message d'essai montre que les réglages de l'e-mail de Tantième fonctionnent : le serveur " + s.Address() + " l'a accepté.\n"})
	var refusal *mailer.Refusal
	if errors.As(err, &refusal) {
		return ledger.Errorf(ledger.Invalid, "Le message d'essai n'est pas parti : %s", refusal.Reason)
	}
	return err
}

// Summary is a mailing with its counts, for the log's list.
type Summary struct {
	ID      int64  `json:"id"`
	Kind    string `json:"kind"`
	Title   string `json:"title"`
	Created string `json:"created"` // JJ/MM/AAAA HH:MM, local time
	Sent    int    `json:"sent"`
	Refused int    `json:"refused"`
	Skipped int    `json:"skipped"`
	Pending int    `json:"pending"`
	Unknown int    `json:"unknown"`
}

// Summaries are the log's mailings, newest first, with their counts.
func Summaries(r *app.Residence) ([]Summary, error) {
	return read(r, func(tx *ledger.Tx) ([]Summary, error) {
		ms, err := tx.Mailings()
		if err != nil {
			return nil, err
		}
		out := make([]Summary, len(ms))
		for i, m := range ms {
			msgs, err := tx.MailMessages(m.ID)
			if err != nil {
				return nil, err
			}
			s := Summary{ID: m.ID, Kind: m.Kind, Title: m.Title, Created: m.Created.Local().Format("02/01/2006 15:04")}
			for _, msg := range msgs {
				switch msg.Status {
				case ledger.MailSent:
					s.Sent++
				case ledger.MailRefused:
					s.Refused++
				case ledger.MailSkipped:
					s.Skipped++
				case ledger.MailPending:
					s.Pending++
				case ledger.MailSending:
					s.Unknown++
				}
			}
			out[i] = s
		}
		return out, nil
	})
}
