package mailer

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wneessen/go-mail"

	"tantieme/ledger"
)

// Attachment is a PDF to attach: the file to read and the name the owner
// sees (accents allowed: go-mail encodes them, RFC 2231/2047).
type Attachment struct {
	Path string
	Name string // "": the file's own name
}

// Message is one message to one owner.
type Message struct {
	To          string // address
	ToName      string // display name (« Mme Bérénice Lefèvre »)
	Subject     string
	Body        string // plain text
	Attachments []Attachment
}

// maxAttachment bounds what one file may weigh before it is read: no
// server takes more.
const maxAttachment = 100 << 20

// Build makes the MIME message of m from the settings' sender:
// multipart/mixed with a UTF-8 text part and one application/pdf part per
// attachment, a Message-ID and a Date. It returns the message and its size
// on the wire.
func Build(s Settings, m Message) (*mail.Msg, int64, error) {
	if err := ledger.CheckEmail(m.To, "adresse du destinataire"); err != nil {
		return nil, 0, err
	}
	if strings.TrimSpace(m.To) == "" {
		return nil, 0, ledger.Errorf(ledger.Invalid, "Le message n'a pas de destinataire")
	}
	subject, err := ledger.CleanText("objet du message", strings.TrimSpace(m.Subject), ledger.LabelText)
	if err != nil {
		return nil, 0, err
	}
	body, err := ledger.CleanText("texte du message", m.Body, ledger.TemplateText)
	if err != nil {
		return nil, 0, err
	}
	msg := mail.NewMsg(mail.WithCharset(mail.CharsetUTF8), mail.WithEncoding(mail.EncodingQP))
	if err := msg.FromFormat(oneLine(s.FromName), s.From); err != nil {
		return nil, 0, ledger.Wrap(ledger.Invalid, err, "L'adresse de l'expéditeur « %s » est refusée", s.From)
	}
	if err := msg.AddToFormat(oneLine(m.ToName), m.To); err != nil {
		return nil, 0, ledger.Wrap(ledger.Invalid, err, "L'adresse « %s » est refusée", m.To)
	}
	msg.Subject(subject)
	msg.SetMessageID()
	msg.SetDateWithValue(time.Now())
	msg.SetBodyString(mail.TypeTextPlain, body)
	for _, a := range m.Attachments {
		data, err := readAttachment(a.Path)
		if err != nil {
			return nil, 0, err
		}
		name := a.Name
		if name == "" {
			name = filepath.Base(a.Path)
		}
		name = oneLine(name)
		if !strings.EqualFold(filepath.Ext(name), ".pdf") {
			name += ".pdf"
		}
		msg.AttachReadSeeker(name, bytes.NewReader(data), mail.WithFileContentType(typePDF), mail.WithFileEncoding(mail.EncodingB64))
	}
	var size countWriter
	if _, err := msg.WriteTo(&size); err != nil {
		return nil, 0, ledger.Wrap(ledger.Internal, err, "Le message à %s n'a pas pu être composé", m.To)
	}
	return msg, int64(size), nil
}

// readAttachment reads a PDF in bounded memory.
func readAttachment(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, ledger.Wrap(ledger.Invalid, err, "La pièce jointe « %s » ne peut pas être lue", path)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxAttachment+1))
	if err != nil {
		return nil, ledger.Wrap(ledger.Invalid, err, "La pièce jointe « %s » ne peut pas être lue", path)
	}
	if len(data) > maxAttachment {
		return nil, ledger.Errorf(ledger.Invalid, "La pièce jointe « %s » dépasse %d Mo", path, maxAttachment>>20)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, ledger.Errorf(ledger.Invalid, "La pièce jointe « %s » n'est pas un PDF", path)
	}
	return data, nil
}

// oneLine makes a header's text one line without control characters.
func oneLine(s string) string { return ledger.CleanReply(s) }

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// typePDF is the attachments' MIME type.
const typePDF mail.ContentType = "application/pdf"
