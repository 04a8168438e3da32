// Package mailtest is a real SMTP server on 127.0.0.1 for the tests of the
// e-mail (go-smtp): it keeps what it received, and can refuse a recipient,
// a login, a message too large, or stop in the middle of a mailing.
package mailtest

import (
	"errors"
	"io"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Received is one message the server accepted.
type Received struct {
	From string
	To   []string
	Data []byte
}

// Options shape the server's behaviour.
type Options struct {
	User, Password string            // "": no login asked
	MaxSize        int64             // advertised SIZE; 0: none
	Reject         map[string]string // recipient → the text of a 550 reply
	// StopAfter > 0: once that many messages are accepted, the server
	// goes down at the next MAIL FROM without answering (a crash, a cut
	// line).
	StopAfter int
	// Delay is how long the server thinks over each message (a slow
	// provider): the window's progress can be seen.
	Delay time.Duration
}

// Server is a running test server.
type Server struct {
	Host string
	Port int
	opt  Options
	srv  *smtp.Server
	mu   sync.Mutex
	got  []Received
}

// Start starts a server on a random port of 127.0.0.1.
func Start(opt Options) (*Server, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	return Serve(l, opt), nil
}

// Serve runs a server on l.
func Serve(l net.Listener, opt Options) *Server {
	s := &Server{Host: "127.0.0.1", opt: opt}
	s.Port, _ = strconv.Atoi(portOf(l.Addr().String()))
	s.srv = smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) { return &session{s: s}, nil }))
	s.srv.Domain = "localhost"
	s.srv.AllowInsecureAuth = true
	s.srv.MaxMessageBytes = opt.MaxSize
	s.srv.ReadTimeout = 30 * time.Second
	s.srv.WriteTimeout = 30 * time.Second
	go func() { _ = s.srv.Serve(l) }()
	return s
}

func portOf(addr string) string {
	_, p, _ := net.SplitHostPort(addr)
	return p
}

// Close stops the server.
func (s *Server) Close() { _ = s.srv.Close() }

// Messages are the messages accepted so far.
func (s *Server) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.got...)
}

type session struct {
	s      *Server
	authed bool
	from   string
	to     []string
}

func (x *session) AuthMechanisms() []string {
	if x.s.opt.User == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (x *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, user, password string) error {
		if user != x.s.opt.User || password != x.s.opt.Password {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Identifiants refusés"}
		}
		x.authed = true
		return nil
	}), nil
}

func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	if x.s.opt.User != "" && !x.authed {
		return smtp.ErrAuthRequired
	}
	x.s.mu.Lock()
	n := len(x.s.got)
	x.s.mu.Unlock()
	if x.s.opt.StopAfter > 0 && n >= x.s.opt.StopAfter {
		x.s.Close() // down, without a word
		return errors.New("arrêté")
	}
	x.from = from
	return nil
}

func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if text, ok := x.s.opt.Reject[to]; ok {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: text}
	}
	x.to = append(x.to, to)
	return nil
}

func (x *session) Data(r io.Reader) error {
	time.Sleep(x.s.opt.Delay)
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	x.s.mu.Lock()
	x.s.got = append(x.s.got, Received{From: x.from, To: x.to, Data: b})
	x.s.mu.Unlock()
	return nil
}

func (x *session) Reset()        { x.from, x.to = "", nil }
func (x *session) Logout() error { return nil }
