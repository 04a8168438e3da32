package ui

import (
	"log"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tantieme"
	"tantieme/app"
	"tantieme/assets"
	"tantieme/internal/desktop"
	"tantieme/internal/version"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// noInternet is Tantième's promise about the network, said in À propos and
// in the guide's Questions fréquentes.
const noInternet = "Tantième ne va jamais sur Internet : il ne transmet rien, ne cherche pas de mises à jour " +
	"et n'a besoin d'aucun compte. Une seule exception viendra plus tard : l'envoi de courriels par votre propre " +
	"serveur de messagerie, quand vous choisirez d'en envoyer."

// thirdParty lists the free software Tantième is made with and their
// licences (their full texts come with their sources; the fonts' licence,
// embedded with the fonts, can be read here).
var thirdParty = []struct{ name, use, licence string }{
	{"Fyne (fyne.io)", "la fenêtre et les écrans", "licence BSD à 3 clauses"},
	{"excelize (github.com/xuri/excelize)", "la lecture et l'écriture des classeurs Excel", "licence BSD à 3 clauses"},
	{"modernc.org/sqlite", "le fichier de la résidence (SQLite)", "licence BSD à 3 clauses"},
	{"fpdf (github.com/go-pdf/fpdf)", "les documents PDF", "licence MIT"},
	{"decimal (github.com/shopspring/decimal)", "les calculs exacts des tantièmes", "licence MIT"},
	{"Polices DejaVu (dejavu-fonts.github.io)", "le texte des documents PDF", "licence Bitstream Vera, modifications DejaVu dans le domaine public"},
}

// settingsFolder is the user's settings folder of Tantième: the demo, the
// record of backups and the fingerprints kept on this computer (see
// demoFile, app's backup and fingerprint logs).
func settingsFolder() string { return desktop.Where().Config }

// dataPlace is a line of « Où sont vos données » in À propos.
type dataPlace struct {
	what, path, none string
	open             bool // offers to open the folder
	mkdir            bool // ours: made when missing before opening it
}

// dataPlaces says where the data lives on this computer.
func (s *Shell) dataPlaces() []dataPlace {
	var places []dataPlace
	res := dataPlace{what: "Résidence ouverte", none: "Aucune résidence n'est ouverte."}
	switch {
	case s.res != nil && s.demo:
		res.none = "La résidence de démonstration (ci-dessous)."
	case s.res != nil:
		res.path = s.res.Path()
	}
	places = append(places, res)
	places = append(places, dataPlace{what: "Réglages de Tantième", path: settingsFolder(), none: "Dossier des réglages introuvable.", open: true, mkdir: true})
	demo := dataPlace{what: "Résidence de démonstration", none: "Dossier des réglages introuvable."}
	if f, err := demoFile(); err == nil {
		demo.path = f
	}
	places = append(places, demo)
	places = append(places, dataPlace{what: "Dernières sauvegardes", path: app.LastBackupFolder(),
		none: "Aucune sauvegarde n'a encore été faite sur cet ordinateur.", open: true})
	return places
}

// showAbout is Aide › À propos de Tantième: the version, the licence, the
// free software it is made with, where the data lives, and that it never
// goes on the Internet.
func (s *Shell) showAbout() {
	f := s.newForm("À propos de Tantième", "Fermer")
	f.cancel.Hide()
	f.width = 760

	icon := canvas.NewImageFromResource(fyne.NewStaticResource("icon.png", assets.Icon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(64, 64))
	title := widgets.Heading(version.String())
	head := container.NewBorder(nil, nil, container.NewCenter(icon), nil,
		container.NewVBox(title, widgets.Note("La comptabilité des copropriétés gérées par un syndic bénévole.")))

	licence := widgets.NewButton("Lire la licence", theme.DocumentIcon(), widget.MediumImportance, func() {
		s.showLicence("Licence de Tantième (MIT)", "Le texte officiel de la licence, en anglais.", tantieme.License)
	})
	licence.Keys = f.keys
	fonts := widgets.NewButton("Lire la licence des polices DejaVu", theme.DocumentIcon(), widget.MediumImportance, func() {
		s.showLicence("Licence des polices DejaVu", "Le texte officiel de la licence des polices, en anglais.", tantieme.DejaVuLicense)
	})
	fonts.Keys = f.keys

	// Where the data lives first: it is what a syndic comes here for (to
	// find his file, or tell a helper where it is).
	box := container.NewVBox(head, aboutSection("Où sont vos données"))
	for _, p := range s.dataPlaces() {
		box.Add(s.dataPlaceRow(p, f.keys))
	}
	box.Add(aboutSection("Internet"))
	box.Add(widgets.Note(noInternet))
	box.Add(aboutSection("Licence"))
	box.Add(widgets.Note("Tantième est un logiciel libre, sous licence MIT : vous pouvez l'utiliser, le copier, le modifier et le donner librement. Il est fourni sans garantie."))
	box.Add(container.NewHBox(licence))
	box.Add(aboutSection("Logiciels libres utilisés"))
	lines := []string{"Tantième est fait avec ces logiciels libres, merci à leurs auteurs :"}
	for _, t := range thirdParty {
		lines = append(lines, "• "+t.name+" — "+t.use+" — "+t.licence+".")
	}
	box.Add(widgets.Note(strings.Join(lines, "\n")))
	box.Add(container.NewHBox(fonts))

	// Scrolled: the box is taller than a 700-pixel screen, and Fermer must
	// stay in sight.
	scroll := container.NewVScroll(box)
	scroll.SetMinSize(fyne.NewSize(700, 460))
	f.show(scroll, nil)
	refit(f)
}

// aboutSection is a bold title in À propos.
func aboutSection(text string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// dataPlaceRow shows a place with buttons to copy its path and open it.
func (s *Shell) dataPlaceRow(p dataPlace, keys *widgets.FormKeys) fyne.CanvasObject {
	label := widget.NewLabelWithStyle(p.what+" :", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	if p.path == "" {
		return container.NewBorder(nil, nil, container.New(&widgets.FixedWidth{Width: 230}, label), nil, widgets.Note(p.none))
	}
	// A path has no spaces to break at: it wraps anywhere rather than
	// widening the dialog.
	path := widget.NewLabel(p.path)
	path.Wrapping = fyne.TextWrapBreak
	path.TextStyle.Monospace = true
	what, place := p.what, p.path
	var copyBtn *widgets.Button
	copyBtn = widgets.NewButton("Copier", theme.ContentCopyIcon(), widget.LowImportance, func() {
		s.app.Clipboard().SetContent(place)
		copyBtn.SetText("Copié")
		log.Printf("tantieme: %s : chemin copié (%s)", what, place)
	})
	copyBtn.Keys = keys
	buttons := container.NewHBox(copyBtn)
	if p.open {
		mkdir := p.mkdir
		openBtn := widgets.NewButton("Ouvrir le dossier", theme.FolderOpenIcon(), widget.LowImportance, func() {
			if mkdir {
				// The settings folder exists once the demo was opened;
				// made here otherwise, so that the system has a folder to
				// show.
				if err := os.MkdirAll(place, 0o755); err != nil {
					s.showError(ledger.Wrap(ledger.Internal, err, "Le dossier « %s » ne peut pas être créé", place))
					return
				}
			} else if st, err := os.Stat(place); err != nil || !st.IsDir() {
				// Never made here: on an unplugged USB stick it would be a
				// folder on the computer's own disk.
				s.inform("Dossier introuvable", theme.WarningIcon(), "Le dossier « "+place+" » est introuvable. S'il est sur une clé USB, branchez-la, puis recommencez.")
				return
			}
			s.openPath(place)
		})
		openBtn.Keys = keys
		buttons.Add(openBtn)
	}
	return container.NewBorder(nil, nil, container.New(&widgets.FixedWidth{Width: 230}, label), buttons, path)
}

// showLicence shows a licence's full text, scrolled, over À propos.
func (s *Shell) showLicence(title, intro, text string) {
	f := s.newForm(title, "Fermer")
	f.cancel.Hide()
	f.width = 760
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	body.TextStyle.Monospace = true
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(700, 400))
	f.show(container.NewBorder(widgets.Note(intro), nil, nil, nil, scroll), nil)
	refit(f)
}
