package ui

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tantieme/app"
	"tantieme/templates"
)

func letterText(t *testing.T, s *Shell, name templates.Name) app.LetterText {
	t.Helper()
	list, err := s.res.LetterTexts()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range list {
		if l.Name == name {
			return l
		}
	}
	t.Fatalf("no letter text %s", name)
	return app.LetterText{}
}

func TestLetterTexts(t *testing.T) {
	s, c := openDemoOn[*callsScreen](t, 2025, "calls")
	c.tabs.SelectIndex(1)
	p := c.letters
	mustContain(t, "the tab", windowText(s), "Texte à modifier", "En-tête des lettres", "Texte de l'avis d'appel", "Texte de la relance",
		"Aperçu avec des données d'exemple", "Champs de fusion", "{{.Residence.Name}}", "Texte d'origine de Tantième",
		"Aucune signature : les lettres se terminent par le texte du pied.")
	p.choice.SetSelected("Texte de l'avis d'appel")
	mustContain(t, "the opening", windowText(s), "Au-dessus du détail de l'appel", "{{.Period}}", "période : « 1er trimestre 2025 »")
	if !strings.Contains(p.preview.Text, "M. et Mme Bernard") && !strings.Contains(p.preview.Text, "Madame, Monsieur") {
		t.Errorf("the preview is not filled: %q", p.preview.Text)
	}

	// A wrong field says where, and cannot be saved.
	p.editor.SetText("{{.Owner.Salutation}},\n\nVotre appel du {{.Owner.Nom}}.")
	if !p.previewErr.Visible() {
		t.Fatal("no message for an unknown field")
	}
	mustContain(t, "the message", p.previewErr.Text, "ligne 3", "le champ de fusion « Nom » n'existe pas")
	if !p.save.Disabled() {
		t.Error("a text with an unknown field can be saved")
	}
	mustContain(t, "the state", p.state.Text, "modifications non enregistrées")

	// What is typed stays when another text is shown and back.
	p.choice.SetSelected("En-tête des lettres")
	p.choice.SetSelected("Texte de l'avis d'appel")
	if !strings.Contains(p.editor.Text, "{{.Owner.Nom}}") {
		t.Fatalf("the draft was lost: %q", p.editor.Text)
	}

	// A field clicked goes where the cursor is.
	p.editor.SetText("{{.Owner.Salutation}},\n\nVotre appel du .")
	p.editor.CursorRow, p.editor.CursorColumn = 2, len([]rune("Votre appel du "))
	p.insert("{{.CallDate}}")
	if p.editor.Text != "{{.Owner.Salutation}},\n\nVotre appel du {{.CallDate}}." {
		t.Fatalf("after inserting a field: %q", p.editor.Text)
	}
	if p.previewErr.Visible() || !strings.Contains(p.preview.Text, "Votre appel du 01/01/2025.") {
		t.Errorf("the preview shows %q (error %q)", p.preview.Text, p.previewErr.Text)
	}
	test.Tap(p.save)
	if lt := letterText(t, s, templates.Opening); !lt.Custom || !strings.Contains(lt.Text, "Votre appel du {{.CallDate}}.") {
		t.Errorf("saved: %+v", lt)
	}
	mustContain(t, "the status line", s.statusText.Text, "Texte « Texte de l'avis d'appel » enregistré")
	mustContain(t, "the state", p.state.Text, "Texte propre à la résidence")

	// Back to the program's text, once confirmed.
	test.Tap(p.reset)
	mustContain(t, "the question", overlayText(s), "Remplacer le texte « Texte de l'avis d'appel » par celui fourni avec Tantième ?")
	test.Tap(dialogButton(t, s, "Revenir au texte d'origine"))
	if lt := letterText(t, s, templates.Opening); lt.Custom || p.editor.Text != lt.Default {
		t.Errorf("after going back: custom %v, editor %q", lt.Custom, p.editor.Text)
	}
}

func TestSignature(t *testing.T) {
	s, c := openDemoOn[*callsScreen](t, 2025, "calls")
	p := c.letters
	img := image.NewRGBA(image.Rect(0, 0, 120, 40))
	for x := 10; x < 110; x++ {
		img.Set(x, 20+x%7, color.Black)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	p.setSignature([]byte("pas une image"), "notes.txt")
	mustContain(t, "the refusal", overlayText(s), "La signature doit être une image PNG ou JPEG")
	press(s, "Escape")
	p.setSignature(buf.Bytes(), "signature.png")
	if sig, err := s.res.Signature(); err != nil || !bytes.Equal(sig, buf.Bytes()) {
		t.Fatalf("signature stored: %d bytes (%v)", len(sig), err)
	}
	if !p.sigImage.Visible() || p.sigNone.Visible() || p.sigRemove.Disabled() {
		t.Error("the signature is not shown")
	}
	mustContain(t, "the status line", s.statusText.Text, "Signature « signature.png » enregistrée")
	test.Tap(p.sigRemove)
	test.Tap(dialogButton(t, s, "Retirer la signature"))
	if sig, err := s.res.Signature(); err != nil || sig != nil {
		t.Errorf("signature after removal: %d bytes (%v)", len(sig), err)
	}
	if p.sigImage.Visible() || !p.sigNone.Visible() {
		t.Error("the removed signature is still shown")
	}
}

// Every field a default text uses is offered in the list beside its editor,
// so a syndic who rewrites a text can put back what it said.
func TestMergeFieldListsCoverDefaultTexts(t *testing.T) {
	ref := regexp.MustCompile(`\.([A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)?)`)
	for _, info := range templates.All() {
		offered := map[string]bool{}
		for _, f := range fieldsOf(info.Name) {
			offered[f.name] = true
		}
		for _, m := range ref.FindAllStringSubmatch(templates.Default(info.Name), -1) {
			if !offered[m[1]] {
				t.Errorf("text %q uses .%s, which its field list does not offer", info.Name, m[1])
			}
		}
	}
}
