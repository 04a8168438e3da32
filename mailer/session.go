package mailer

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"

	"tantieme/ledger"
)

// DefaultMaxSize is the largest message sent to a server that does not
// advertise its SIZE: 20 Mo, what the common French providers take.
const DefaultMaxSize = 20 << 20

// Timeout bounds each exchange with the server.
var Timeout = 30 * time.Second

// Session is one connection to the server, for one mailing: messages are
// sent one by one on it.
type Session struct {
	settings Settings
	client   *mail.Client
	conn     *smtp.Client
	max      int64
}

// Dial connects to the server, secures the connection and logs in. Its
// errors say in French what failed: the server unreachable, TLS, the login.
func Dial(ctx context.Context, s Settings, password string) (*Session, error) {
	if err := s.Check(); err != nil {
		return nil, err
	}
	opts := []mail.Option{mail.WithPort(s.Port), mail.WithTimeout(Timeout), mail.WithTLSConfig(&tls.Config{ServerName: s.Host, MinVersion: tls.VersionTLS12})}
	switch s.TLS {
	case TLS:
		opts = append(opts, mail.WithSSL())
	case NoTLS:
		opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
	default:
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
	}
	if s.User != "" {
		// Without TLS, only PLAIN to a local relay (go-mail refuses it
		// elsewhere): a password is not sent in clear over the Internet.
		auth := mail.SMTPAuthAutoDiscover
		if s.TLS == NoTLS {
			auth = mail.SMTPAuthPlain
		}
		opts = append(opts, mail.WithSMTPAuth(auth), mail.WithUsername(s.User), mail.WithPassword(password))
	}
	c, err := mail.NewClient(s.Host, opts...)
	if err != nil {
		return nil, ledger.Wrap(ledger.Invalid, err, "Réglages de l'e-mail refusés : %s", ledger.CleanReply(err.Error()))
	}
	conn, err := c.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return nil, dialError(s, err)
	}
	sess := &Session{settings: s, client: c, conn: conn, max: DefaultMaxSize}
	if ok, v := conn.Extension("SIZE"); ok {
		if n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil && n > 0 {
			sess.max = n
		}
	}
	return sess, nil
}

// Kinds of failure, for the log and the window.
var (
	ErrUnreachable = errors.New("serveur injoignable")
	ErrLogin       = errors.New("identification refusée")
	ErrTLS         = errors.New("échec du chiffrement TLS")
)

// dialError turns a failed connection into French.
func dialError(s Settings, err error) error {
	text := ledger.CleanReply(err.Error())
	var tp *textproto.Error
	var opErr *net.OpError
	var dnsErr *net.DNSError
	var recErr tls.RecordHeaderError
	var certErr *tls.CertificateVerificationError
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	switch {
	case strings.HasPrefix(err.Error(), "SMTP AUTH failed") || errors.Is(err, mail.ErrNoSupportedAuthDiscovered) ||
		strings.Contains(err.Error(), "does not support SMTP AUTH") || strings.Contains(err.Error(), "auth") && errors.As(err, &tp):
		return ledger.Wrap(ledger.Invalid, errors.Join(ErrLogin, err), "Le serveur %s a refusé l'identification de « %s » : vérifiez l'identifiant et le mot de passe (réponse : %s)", s.Address(), s.User, text)
	case errors.As(err, &recErr) || errors.As(err, &certErr) || errors.As(err, &unknownCA) || errors.As(err, &hostErr) ||
		strings.Contains(err.Error(), "tls:") || strings.Contains(err.Error(), "STARTTLS"):
		return ledger.Wrap(ledger.Invalid, errors.Join(ErrTLS, err), "La connexion chiffrée (%s) avec %s a échoué : vérifiez le port et le chiffrement choisis (%s)", tlsName(s.TLS), s.Address(), text)
	case errors.As(err, &dnsErr):
		return ledger.Wrap(ledger.Invalid, errors.Join(ErrUnreachable, err), "Le serveur d'envoi « %s » est inconnu : vérifiez son nom (%s)", s.Host, text)
	case errors.As(err, &opErr) || errors.Is(err, context.DeadlineExceeded):
		return ledger.Wrap(ledger.Invalid, errors.Join(ErrUnreachable, err), "Le serveur d'envoi %s ne répond pas : vérifiez la connexion à Internet, le serveur et le port (%s)", s.Address(), text)
	}
	return ledger.Wrap(ledger.Invalid, errors.Join(ErrUnreachable, err), "La connexion au serveur d'envoi %s a échoué (%s)", s.Address(), text)
}

func tlsName(mode string) string {
	switch mode {
	case TLS:
		return "TLS"
	case NoTLS:
		return "sans chiffrement"
	}
	return "STARTTLS"
}

// MaxSize is the largest message the server takes.
func (s *Session) MaxSize() int64 { return s.max }

// Refusal is why a message was not sent. Lost says the connection is gone:
// the mailing stops and the messages after it stay pending.
type Refusal struct {
	Reason string // French, with the server's words
	Lost   bool
}

func (r *Refusal) Error() string { return r.Reason }

// Send gives one message to the server. nil: the server accepted it
// (DATA answered 250). Otherwise a *Refusal.
func (s *Session) Send(m Message) error {
	msg, size, err := Build(s.settings, m)
	if err != nil {
		return &Refusal{Reason: ledger.Message(err)}
	}
	if size > s.max {
		return &Refusal{Reason: fmt.Sprintf("message trop gros : %s pour %s au plus acceptés par le serveur ; imprimez ce courrier", megabytes(size), megabytes(s.max))}
	}
	if err := s.conn.Noop(); err != nil {
		return s.fault("la connexion au serveur est perdue", err)
	}
	if err := s.conn.UpdateDeadline(Timeout); err != nil {
		return s.fault("la connexion au serveur est perdue", err)
	}
	if err := s.conn.Mail(s.settings.From); err != nil {
		return s.fault("le serveur a refusé l'expéditeur "+s.settings.From, err)
	}
	if err := s.conn.Rcpt(m.To); err != nil {
		return s.fault("le serveur a refusé l'adresse "+m.To, err)
	}
	w, err := s.conn.Data()
	if err != nil {
		return s.fault("le serveur a refusé le message", err)
	}
	if _, err := msg.WriteTo(w); err != nil {
		return s.fault("l'envoi du message a été interrompu", err)
	}
	// Closing DATA is the server's answer: only a 250 here means it took
	// the message.
	if err := w.Close(); err != nil {
		return s.fault("le serveur a refusé le message", err)
	}
	return nil
}

// fault turns a failed step into a Refusal: a reply of the server (4xx,
// 5xx) refuses this message and the session goes on after a RSET; any
// other error is the connection lost.
func (s *Session) fault(what string, err error) error {
	var tp *textproto.Error
	if errors.As(err, &tp) {
		reply := ledger.CleanReply(fmt.Sprintf("%d %s", tp.Code, tp.Msg))
		r := &Refusal{Reason: what + " (réponse du serveur : " + reply + ")"}
		if tp.Code == 421 {
			r.Lost = true // the server closes the connection
		} else if s.conn.Reset() != nil {
			r.Lost = true
		}
		if tp.Code == 552 || tp.Code == 523 {
			r.Reason = "message trop gros : " + r.Reason
		}
		return r
	}
	return &Refusal{Reason: "serveur injoignable : " + what + " (" + ledger.CleanReply(err.Error()) + ")", Lost: true}
}

// Close ends the session politely.
func (s *Session) Close() {
	if s == nil || s.conn == nil {
		return
	}
	_ = s.conn.Quit()
	_ = s.conn.Close()
}

func megabytes(n int64) string {
	tenths := (n*10 + (1<<20)/2) >> 20
	return fmt.Sprintf("%d,%d Mo", tenths/10, tenths%10)
}
