package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"tantieme/ui/widgets"
)

// shellMenu is the window's menu bar: Fichier, Édition (acting on the
// current screen) and Affichage (the screens, Ctrl+1…Ctrl+9).
type shellMenu struct {
	s              *Shell
	main           *fyne.MainMenu
	recent, close  *fyne.MenuItem
	imp, exp       *fyne.MenuItem
	backup         *fyne.MenuItem
	create, search *fyne.MenuItem
	closing        *fyne.MenuItem   // Exercice › Clôturer l'exercice…
	integrity      *fyne.MenuItem   // Exercice › Vérifier l'intégrité…
	bankImport     *fyne.MenuItem   // Banque › Importer un relevé…
	bankPending    *fyne.MenuItem   // Banque › Relevés en attente
	transfers      *fyne.MenuItem   // Banque › Virements de fonds…
	bankDebits     *fyne.MenuItem   // Banque › Prélèvements…
	docRegister    *fyne.MenuItem   // Documents › Registre des documents
	docAdd         *fyne.MenuItem   // Documents › Ajouter un document…
	mailSend       *fyne.MenuItem   // Documents › Envoyer par e-mail…
	mailLog        *fyne.MenuItem   // Documents › Journal des envois
	mailSettings   *fyne.MenuItem   // Documents › Réglages de l'e-mail…
	publish        *fyne.MenuItem   // Documents › Publier…
	tools          []*fyne.MenuItem // Outils: need a residence open
	screens        []*fyne.MenuItem
	guide          fyne.Window    // Aide › Guide de l'utilisateur, while open
	law            fyne.Window    // Aide › Textes de loi, while open
	charts         *fyne.MenuItem // Documents › Graphiques (a screen)
	assemblies     *fyne.MenuItem // Documents › Assemblées générales (a screen)
	lawView        *guideView
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func newShellMenu(s *Shell) *shellMenu {
	m := &shellMenu{s: s}
	newRes := fyne.NewMenuItem("Nouvelle résidence…", s.newResidence)
	newRes.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	open := fyne.NewMenuItem("Ouvrir…", s.chooseFile)
	open.Shortcut = ctrl(fyne.KeyO)
	m.recent = fyne.NewMenuItem("Fichiers récents", nil)
	m.recent.ChildMenu = fyne.NewMenu("")
	demo := fyne.NewMenuItem("Ouvrir la résidence de démonstration", s.openDemo)
	m.imp = fyne.NewMenuItem("Importer…", s.importFile)
	m.imp.Shortcut = ctrl(fyne.KeyI)
	m.exp = fyne.NewMenuItem("Exporter…", s.exportWorkbook)
	m.exp.Shortcut = ctrl(fyne.KeyE)
	// Ctrl+S stays for "enregistrer" in the forms: saving a backup is
	// Ctrl+Maj+S.
	m.backup = fyne.NewMenuItem("Sauvegarder…", s.backupForm)
	m.backup.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	restore := fyne.NewMenuItem("Restaurer une sauvegarde…", s.restoreBackup)
	m.close = fyne.NewMenuItem("Fermer", s.closeResidence)
	m.close.Shortcut = ctrl(fyne.KeyW)
	quit := fyne.NewMenuItem("Quitter", s.quit)
	quit.IsQuit = true
	quit.Shortcut = ctrl(fyne.KeyQ)
	file := fyne.NewMenu("Fichier", newRes, open, m.recent, demo, fyne.NewMenuItemSeparator(), m.imp, m.exp,
		fyne.NewMenuItemSeparator(), m.backup, restore, fyne.NewMenuItemSeparator(), m.close, quit)

	m.create = fyne.NewMenuItem("Nouveau…", func() {
		if c, ok := s.currentScreen().(creator); ok && !s.readOnly() {
			c.create()
		}
	})
	m.create.Shortcut = ctrl(fyne.KeyN)
	m.search = fyne.NewMenuItem("Rechercher", func() {
		if f, ok := s.currentScreen().(searcher); ok {
			f.focusSearch()
		}
	})
	m.search.Shortcut = ctrl(fyne.KeyF)
	edit := fyne.NewMenu("Édition", m.create, m.search)

	view := fyne.NewMenu("Affichage")
	for i, sp := range screens {
		item := fyne.NewMenuItem(sp.title, func() { s.show(i) })
		if i < 9 {
			item.Shortcut = ctrl(fyne.KeyName(string(rune('1' + i))))
		}
		m.screens = append(m.screens, item)
		if sp.id == chartsScreenID {
			// Under Documents: one more item would push Paramètres below
			// a 700-px screen (Fyne's menus do not scroll).
			m.charts = item
			continue
		}
		if sp.id == assembliesScreenID { // as Graphiques: the menu keeps to 700 px
			m.assemblies = item
			continue
		}
		view.Items = append(view.Items, item)
	}
	m.closing = fyne.NewMenuItem("Clôturer l'exercice…", s.closeExercise)
	m.integrity = fyne.NewMenuItem("Vérifier l'intégrité…", s.verifyIntegrity)
	exercise := fyne.NewMenu("Exercice", m.closing, m.integrity)
	m.bankImport = fyne.NewMenuItem("Importer un relevé…", s.importStatement)
	m.bankPending = fyne.NewMenuItem("Relevés en attente", func() { s.showScreen(stmtScreenID) })
	m.transfers = fyne.NewMenuItem("Virements de fonds…", s.transferFunds)
	m.bankDebits = fyne.NewMenuItem("Prélèvements…", s.debitsForm)
	bank := fyne.NewMenu("Banque", m.bankImport, m.bankPending, fyne.NewMenuItemSeparator(), m.transfers, m.bankDebits)
	m.docRegister = fyne.NewMenuItem("Registre des documents", s.showRegister)
	m.docAdd = fyne.NewMenuItem("Ajouter un document…", func() { s.addDocumentForm(0, nil) })
	m.mailSend = fyne.NewMenuItem("Envoyer par e-mail…", s.sendMail)
	m.mailLog = fyne.NewMenuItem("Journal des envois", s.showMailLog)
	m.mailSettings = fyne.NewMenuItem("Réglages de l'e-mail…", s.mailSettings)
	m.publish = fyne.NewMenuItem("Publier…", s.publishForm)
	documents := fyne.NewMenu("Documents", m.docRegister, m.docAdd, fyne.NewMenuItemSeparator(), m.mailSend, m.mailLog, m.publish, fyne.NewMenuItemSeparator(), m.mailSettings)
	m.tools = []*fyne.MenuItem{
		fyne.NewMenuItem("Répartir un montant…", s.distributeForm),
		fyne.NewMenuItem("Détail des répartitions…", s.quotePartsForm),
		fyne.NewMenuItem("Fiche synthétique…", s.ficheForm),
	}
	tools := fyne.NewMenu("Outils", m.tools...)
	if m.charts != nil {
		documents.Items = append(documents.Items, fyne.NewMenuItemSeparator(), m.charts)
	}
	if m.assemblies != nil {
		documents.Items = append(documents.Items, m.assemblies)
	}
	guide := fyne.NewMenuItem("Guide de l'utilisateur", s.showGuide)
	law := fyne.NewMenuItem("Textes de loi", func() { s.showLaw("") })
	help := fyne.NewMenu("Aide",
		guide, law,
		fyne.NewMenuItem("Ce que Tantième garantit…", s.showGuarantees),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("À propos de Tantième", s.showAbout))
	m.main = fyne.NewMainMenu(file, edit, view, exercise, bank, documents, tools, help)
	for _, menu := range m.main.Items {
		for _, item := range menu.Items {
			if item != guide && item != law { // their own window: useful beside a dialog
				item.Action = s.unlessModal(item.Action)
			}
		}
	}
	return m
}

// unlessModal makes an action of the menu, and so its shortcut (Fyne's
// driver runs the item's action for Ctrl+1…9, Ctrl+N, Ctrl+O…), do nothing
// while a dialog is open: a shortcut used to act behind the dialog,
// changing the screen under a half-filled form (issue 16, item 11).
func (s *Shell) unlessModal(action func()) func() {
	if action == nil {
		return nil
	}
	return func() {
		if s.win.Canvas().Overlays().Top() != nil {
			return
		}
		action()
	}
}

// refresh enables what makes sense for what is open.
func (m *shellMenu) refresh() {
	s := m.s
	open := s.res != nil
	m.close.Disabled = !open
	m.imp.Disabled, m.exp.Disabled = !open, !open
	m.backup.Disabled = !open
	_, canCreate := s.currentScreen().(creator)
	m.create.Disabled = !canCreate || s.readOnly()
	_, canSearch := s.currentScreen().(searcher)
	m.search.Disabled = !canSearch
	m.closing.Disabled = !open || s.readOnly()
	m.integrity.Disabled = !open
	// A statement is imported into the working exercise, whatever exercise
	// is shown: only a residence opened read-only refuses it.
	m.bankImport.Disabled = !open || s.res.ReadOnly()
	m.bankPending.Disabled = !open
	m.transfers.Disabled = !open || s.readOnly()
	m.bankDebits.Disabled = !open
	m.docRegister.Disabled = !open
	m.docAdd.Disabled = !open || s.res.ReadOnly()
	m.mailSend.Disabled = !open || s.res.ReadOnly()
	m.mailLog.Disabled = !open
	m.mailSettings.Disabled = !open || s.res.ReadOnly()
	// Publishing records what each space holds: the residence must be
	// writable, whatever exercise is shown.
	m.publish.Disabled = !open || s.res.ReadOnly()
	for _, item := range m.tools {
		item.Disabled = !open
	}
	for i, item := range m.screens {
		item.Disabled = !open
		item.Checked = open && i == s.current
	}
	m.recent.ChildMenu.Items = nil
	for _, f := range s.recentFiles() {
		m.recent.ChildMenu.Items = append(m.recent.ChildMenu.Items, fyne.NewMenuItem(recentLabel(f), s.unlessModal(func() { s.open(f) })))
	}
	if len(m.recent.ChildMenu.Items) == 0 {
		none := fyne.NewMenuItem("Aucun fichier récent", nil)
		none.Disabled = true
		m.recent.ChildMenu.Items = append(m.recent.ChildMenu.Items, none)
	}
	m.main.Refresh()
}

// recentLabel names a recent file by its name and folder.
func recentLabel(file string) string {
	return strings.TrimSuffix(filepath.Base(file), ".copro") + " — " + filepath.Dir(file)
}

// chooseFile asks for a residence file to open.
func (s *Shell) chooseFile() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if rc == nil {
			return // cancelled
		}
		file := rc.URI().Path()
		rc.Close()
		s.open(file)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".copro"}))
	dir := documentsDir()
	if recent := s.recentFiles(); len(recent) > 0 {
		dir = filepath.Dir(recent[0])
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
	s.showFileDialog(d)
}

// showFileDialog shows one of Fyne's file dialogs, which Escape closes too.
func (s *Shell) showFileDialog(d *dialog.FileDialog) {
	keys := &widgets.FormKeys{Escape: d.Hide}
	s.pushKeys(keys)
	d.SetOnClosed(func() { s.popKeys(keys) })
	d.Resize(s.win.Canvas().Size().Subtract(fyne.NewSize(80, 80)))
	d.Show()
}

// quit closes the residence and leaves the program.
func (s *Shell) quit() {
	rememberWindowSize(s.app.Preferences(), s.win)
	s.closeResidence()
	s.app.Quit()
}
