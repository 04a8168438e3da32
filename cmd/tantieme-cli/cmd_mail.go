package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"tantieme/app"
	"tantieme/app/mailing"
	"tantieme/ledger"
	"tantieme/mailer"
)

// mailJSON is `mail … --json`: one line per owner (CLI.md).
type mailJSON = mailing.Outcome

func init() {
	commands["consent"] = command{
		usage: "consent FICHIER --owner 450xxx --email ADRESSE --date JJ/MM/AAAA [--revoke]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			owner := fs.String("owner", "", "compte du copropriétaire (450xxx)")
			email := fs.String("email", "", "adresse e-mail qu'il a donnée")
			date := fs.String("date", "", "date de son accord (ou de son retrait)")
			revoke := fs.Bool("revoke", false, "retire l'accord à cette date")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				if *owner == "" || *date == "" || (!*revoke && *email == "") {
					return usagef("--owner, --date et (sauf --revoke) --email sont demandés")
				}
				day, err := ledger.ParseDate(*date)
				if err != nil {
					return err
				}
				r, err := app.Open(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				if *revoke {
					if err := r.RevokeConsent(*owner, day); err != nil {
						return err
					}
					_, err = fmt.Fprintf(out, "Accord de %s à la notification par e-mail retiré le %s.\n", *owner, ledger.FrenchDate(day))
					return err
				}
				if err := r.GiveConsent(*owner, strings.TrimSpace(*email), day); err != nil {
					return err
				}
				_, err = fmt.Fprintf(out, "Accord de %s à la notification par e-mail à %s depuis le %s.\n", *owner, strings.TrimSpace(*email), ledger.FrenchDate(day))
				return err
			}
		},
	}
	commands["mail-settings"] = command{
		usage: "mail-settings FICHIER [--host H] [--port P] [--from ADRESSE] [--name NOM] [--user U] [--tls starttls|tls|none] [--test]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			host := fs.String("host", "", "serveur d'envoi (smtp.exemple.fr)")
			port := fs.Int("port", 0, "port (587 en STARTTLS, 465 en TLS)")
			from := fs.String("from", "", "adresse de l'expéditeur")
			name := fs.String("name", "", "nom de l'expéditeur")
			user := fs.String("user", "", "identifiant (vide : pas d'identification)")
			tlsMode := fs.String("tls", "", "chiffrement : starttls, tls ou none")
			test := fs.Bool("test", false, "envoie un message d'essai à l'adresse de l'expéditeur")
			return func(pos []string, out io.Writer) error {
				if err := needArgs(pos, 1, "un fichier de résidence (.copro)"); err != nil {
					return err
				}
				given := map[string]bool{}
				fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
				r, err := app.Open(pos[0])
				if err != nil {
					return err
				}
				defer r.Close()
				s, _, err := mailing.LoadSettings(r)
				if err != nil {
					return err
				}
				changed := false
				for flagName, apply := range map[string]func(){
					"host": func() { s.Host = *host }, "port": func() { s.Port = *port }, "from": func() { s.From = *from },
					"name": func() { s.FromName = *name }, "user": func() { s.User = *user }, "tls": func() { s.TLS = *tlsMode },
				} {
					if given[flagName] {
						apply()
						changed = true
					}
				}
				if changed {
					if given["tls"] && !given["port"] {
						s.Port = 0 // the mode's usual port
					}
					if s, err = mailing.SaveSettings(r, s); err != nil {
						return err
					}
				}
				t := newTable([]string{"Réglage", "Valeur"})
				user := s.User
				if user == "" {
					user = "(aucun)"
				}
				for _, row := range [][2]string{{"Serveur", s.Host}, {"Port", strconv.Itoa(s.Port)}, {"Chiffrement", s.TLS}, {"Expéditeur", s.From},
					{"Nom de l'expéditeur", s.FromName}, {"Identifiant", user}} {
					t.add(row[0], row[1])
				}
				if err := t.write(out); err != nil {
					return err
				}
				if !*test {
					return nil
				}
				password, err := mailer.Password(s)
				if err != nil {
					return err
				}
				if err := mailing.TestMessage(context.Background(), s, password); err != nil {
					return err
				}
				_, err = fmt.Fprintf(out, "Message d'essai accepté par %s, envoyé à %s.\n", s.Address(), s.From)
				return err
			}
		},
	}
	commands["mail"] = command{
		usage: "mail FICHIER notices --date D | reminders --at D | decomptes --year N | document ID | retry ENVOI [--unknown] | log [ENVOI] [--dry-run] [--json] [--print PDF]",
		setup: func(fs *flag.FlagSet) func([]string, io.Writer) error {
			date := fs.String("date", "", "échéance des appels (notices)")
			at := fs.String("at", "", "date des relances (reminders)")
			year := fs.Int("year", 0, "exercice des décomptes (decomptes)")
			dry := fs.Bool("dry-run", false, "dit qui recevrait quoi, sans rien envoyer ni écrire")
			asJSON := fs.Bool("json", false, "sortie JSON")
			printPath := fs.String("print", "", "écrit dans ce PDF les courriers des copropriétaires non joints par e-mail")
			unknown := fs.Bool("unknown", false, "retry : renvoie aussi les messages au sort inconnu (le serveur les a peut-être reçus)")
			return func(pos []string, out io.Writer) error {
				if len(pos) < 2 {
					return usagef("un fichier de résidence et ce qu'il faut envoyer sont attendus")
				}
				file, what := pos[0], pos[1]
				o := mailOptions{dry: *dry, json: *asJSON, print: *printPath, unknown: *unknown}
				switch what {
				case "log":
					return mailLog(file, pos[2:], *asJSON, out)
				case "retry":
					if len(pos) != 3 {
						return usagef("retry attend le numéro de l'envoi (voir mail FICHIER log)")
					}
					id, err := strconv.ParseInt(pos[2], 10, 64)
					if err != nil {
						return usagef("numéro d'envoi « %s » invalide", pos[2])
					}
					return mailRetry(file, id, o, out)
				}
				req := mailing.Request{What: what, DryRun: *dry}
				var err error
				switch what {
				case mailing.Notices:
					if *date == "" {
						return usagef("notices attend --date (échéance des appels)")
					}
					req.Date, err = ledger.ParseDate(*date)
				case mailing.Reminders:
					if *at == "" {
						return usagef("reminders attend --at (date des relances)")
					}
					req.Date, err = ledger.ParseDate(*at)
				case mailing.Decomptes:
					if *year == 0 {
						return usagef("decomptes attend --year")
					}
					req.Year = *year
				case mailing.Single:
					if len(pos) != 3 {
						return usagef("document attend le numéro du document au registre")
					}
					req.Document, err = strconv.ParseInt(pos[2], 10, 64)
					if err != nil {
						return usagef("numéro de document « %s » invalide", pos[2])
					}
				default:
					return usagef("« %s » : notices, reminders, decomptes, document, retry ou log", what)
				}
				if err != nil {
					return err
				}
				if what != mailing.Single && len(pos) != 2 {
					return usagef("argument en trop : %s", pos[2])
				}
				return mailSend(file, req, o, out)
			}
		},
	}
}

type mailOptions struct {
	dry, json, unknown bool
	print              string
}

// settingsAndPassword are the residence's SMTP settings and the password
// (TANTIEME_SMTP_PASSWORD or the keyring: the CLI asks nothing).
func settingsAndPassword(r *app.Residence) (mailer.Settings, string, error) {
	s, ok, err := mailing.LoadSettings(r)
	if err != nil {
		return s, "", err
	}
	if !ok {
		return s, "", ledger.Errorf(ledger.Invalid, "Aucun serveur d'envoi n'est réglé : tantieme-cli mail-settings FICHIER --host … --from …")
	}
	password, err := mailer.Password(s)
	return s, password, err
}

// interruptible is a context cancelled by Ctrl-C: the message being sent
// finishes, the rest stay pending.
func interruptible() (context.Context, func()) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

func mailSend(file string, req mailing.Request, o mailOptions, out io.Writer) error {
	open := app.Open
	if o.dry {
		open = app.OpenReadOnly
	}
	r, err := open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	p, err := mailing.Prepare(r, req)
	if err != nil {
		return err
	}
	if o.dry {
		var lines []mailJSON
		for _, l := range p.Lines {
			j := mailJSON{Owner: l.Owner, Email: l.Email, Status: ledger.MailPending, Reason: l.Skip}
			if l.Skip != "" {
				j.Status = ledger.MailSkipped
			}
			lines = append(lines, j)
		}
		return printOutcomes(p.Title+" (essai : rien n'est envoyé)", lines, o.json, out)
	}
	s, password, err := settingsAndPassword(r)
	if err != nil {
		return err
	}
	t, err := mailing.LoadTemplate(r, p.Kind)
	if err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	res, sendErr := mailing.Send(ctx, r, p, t, s, password, nil)
	return finish(r, p.Title, res, sendErr, o, out)
}

func mailRetry(file string, id int64, o mailOptions, out io.Writer) error {
	r, err := app.Open(file)
	if err != nil {
		return err
	}
	defer r.Close()
	s, password, err := settingsAndPassword(r)
	if err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	res, sendErr := mailing.Retry(ctx, r, id, o.unknown, s, password, nil)
	return finish(r, "Nouvel essai", res, sendErr, o, out)
}

// finish prints a mailing's result, writes the letters to print, and
// returns the sending's error last: the log is shown even when the server
// failed.
func finish(r *app.Residence, title string, res mailing.Result, sendErr error, o mailOptions, out io.Writer) error {
	if res.Mailing != 0 {
		title = fmt.Sprintf("%s — envoi n° %d", title, res.Mailing)
	}
	if err := printOutcomes(title, res.Outcomes, o.json, out); err != nil {
		return err
	}
	if o.print != "" && res.Mailing != 0 {
		n, err := mailing.PrintRemaining(r, res.Mailing, o.print)
		if err != nil {
			return err
		}
		if !o.json {
			fmt.Fprintf(out, "%d courrier(s) à imprimer dans %s.\n", n, o.print)
		}
	}
	if sendErr == nil && res.Count(ledger.MailPending) > 0 && !o.json {
		fmt.Fprintf(out, "Des messages attendent encore : tantieme-cli mail FICHIER retry %d\n", res.Mailing)
	}
	return sendErr
}

func printOutcomes(title string, lines []mailJSON, asJSON bool, out io.Writer) error {
	if asJSON {
		if lines == nil {
			lines = []mailJSON{}
		}
		return writeJSON(out, lines)
	}
	fmt.Fprintln(out, title)
	t := newTable([]string{"Copropriétaire", "Adresse", "État", "Raison"})
	for _, l := range lines {
		t.add(l.Owner, l.Email, (ledger.MailMessage{Status: l.Status}).StatusText(), l.Reason)
	}
	return t.write(out)
}

// mailLog is `mail FILE log [ENVOI]`: the mailings, or one's messages.
func mailLog(file string, rest []string, asJSON bool, out io.Writer) error {
	r, err := app.OpenReadOnly(file)
	if err != nil {
		return err
	}
	defer r.Close()
	if len(rest) == 1 {
		id, err := strconv.ParseInt(rest[0], 10, 64)
		if err != nil {
			return usagef("numéro d'envoi « %s » invalide", rest[0])
		}
		msgs, err := mailing.Messages(r, id)
		if err != nil {
			return err
		}
		var lines []mailJSON
		for _, m := range msgs {
			lines = append(lines, mailJSON{Owner: m.Owner, Email: m.Address, Status: m.Status, Reason: m.Reason})
		}
		return printOutcomes(fmt.Sprintf("Envoi n° %d", id), lines, asJSON, out)
	}
	if len(rest) > 1 {
		return usagef("log attend au plus un numéro d'envoi")
	}
	ms, err := mailing.Summaries(r)
	if err != nil {
		return err
	}
	if asJSON {
		if ms == nil {
			ms = []mailing.Summary{}
		}
		return writeJSON(out, ms)
	}
	t := newTable([]string{"Envoi", "Date", "Titre", "Envoyés", "Refusés", "À imprimer", "En attente", "Inconnus"}, 0, 3, 4, 5, 6, 7)
	for _, m := range ms {
		t.add(strconv.FormatInt(m.ID, 10), m.Created, m.Title, strconv.Itoa(m.Sent), strconv.Itoa(m.Refused), strconv.Itoa(m.Skipped), strconv.Itoa(m.Pending), strconv.Itoa(m.Unknown))
	}
	return t.write(out)
}
