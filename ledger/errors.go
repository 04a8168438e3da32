package ledger

import (
	"errors"
	"fmt"
	"strings"
)

// Kind says what sort of failure an Error is, so callers can react (the CLI
// picks its exit code, the UI its dialog) without parsing messages.
type Kind int

const (
	Internal Kind = iota // a bug or an I/O failure: not the user's doing
	Invalid              // bad input: the message says what and where
	NotFound             // the thing named does not exist
	Conflict             // the thing exists already, or is still in use
	Locked               // the exercise is closed, or the file is busy/read-only
	Damaged              // the file itself is damaged: never written, restore a backup
)

// Error is the one error type of the books. Msg is a French sentence meant for
// the user; Err keeps the cause for logs and errors.Is/As.
type Error struct {
	Kind Kind
	Msg  string
	Err  error
}

func (e *Error) Error() string {
	if e.Err != nil && e.Msg == "" {
		return e.Err.Error()
	}
	if e.Err != nil {
		return e.Msg + " (" + e.Err.Error() + ")"
	}
	return e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an Error of the given kind with a French message.
func Errorf(kind Kind, format string, args ...any) error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

// Wrap attaches a French message and a kind to a cause.
func Wrap(kind Kind, err error, format string, args ...any) error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...), Err: err}
}

// KindOf returns the kind of err, Internal when it is not one of ours.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// Message is what the user sees for err: our French message, or a generic
// French sentence for an unexpected failure (never a raw Go error alone).
func Message(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && e.Msg != "" {
		return e.Msg
	}
	return "Erreur inattendue : " + err.Error() + ". Vos données n'ont pas été modifiées."
}

// sqlError turns an error from SQLite into one of ours. Messages raised by the
// schema's triggers start with "tantieme: " and are already French sentences.
func sqlError(err error, what string) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	s := err.Error()
	// Trigger messages read "tantieme: …", "tantieme:locked: …" or
	// "tantieme:conflict: …": the kind is said by the schema, not guessed.
	if i := strings.Index(s, "tantieme:"); i >= 0 {
		msg := s[i+len("tantieme:"):]
		kind := Invalid
		for prefix, k := range map[string]Kind{"locked:": Locked, "conflict:": Conflict} {
			if strings.HasPrefix(msg, prefix) {
				kind, msg = k, msg[len(prefix):]
			}
		}
		msg = strings.TrimPrefix(msg, " ")
		// Drop the driver's " (1811)" suffix: the last parenthesis, since
		// messages may hold their own ("une ligne de charge (classe 6)…").
		if j := strings.LastIndex(msg, " ("); j >= 0 && strings.HasSuffix(msg, ")") {
			msg = msg[:j]
		}
		return &Error{Kind: kind, Msg: upperFirst(msg) + ".", Err: err}
	}
	switch {
	case isDiskFull(err):
		// Update and the file writers name the disk; this is the fallback.
		return &Error{Kind: Internal, Msg: upperFirst(what) + " : le disque est plein. Libérez de la place puis recommencez.", Err: err}
	case strings.Contains(s, "UNIQUE constraint failed"), strings.Contains(s, "PRIMARY KEY"):
		return &Error{Kind: Conflict, Msg: upperFirst(what) + " : cet élément existe déjà.", Err: err}
	case strings.Contains(s, "FOREIGN KEY constraint failed"):
		return &Error{Kind: Conflict, Msg: upperFirst(what) + " : un élément lié est manquant ou encore utilisé.", Err: err}
	case strings.Contains(s, "CHECK constraint failed"):
		return &Error{Kind: Invalid, Msg: upperFirst(what) + " : une valeur n'est pas valide.", Err: err}
	case strings.Contains(s, "database is locked"), strings.Contains(s, "SQLITE_BUSY"):
		return &Error{Kind: Locked, Msg: "La résidence est utilisée par un autre programme ; réessayez dans un instant.", Err: err}
	case strings.Contains(s, "readonly"), strings.Contains(s, "read-only"):
		return &Error{Kind: Locked, Msg: "La résidence est ouverte en lecture seule.", Err: err}
	}
	return &Error{Kind: Internal, Msg: upperFirst(what) + " : erreur inattendue de la base de données.", Err: err}
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
