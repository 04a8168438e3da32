package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"tantieme/app/sale"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// etatDateForm writes the état daté of the seller's lots ticked (lot
// alone at first; all of them when lot is "") at a date, or the pre-sale
// sheet, into the documents folder's « Ventes », registered as concerning
// the seller, and opens it.
func (s *Shell) etatDateForm(seller ledger.Owner, lot string) {
	all, err := s.res.Lots()
	if err != nil {
		s.showError(err)
		return
	}
	procedures, err := sale.Procedures(s.res)
	if err != nil {
		s.showError(err)
		return
	}
	date := dateField(ledger.FrenchDate(s.situation()))
	var lotChecks []*widgets.CheckField
	var lotNumbers []string
	for _, l := range all {
		if l.Owner == seller.Account {
			lotChecks = append(lotChecks, widgets.NewCheckField(lotName(l), lot == "" || l.Number == lot))
			lotNumbers = append(lotNumbers, l.Number)
		}
	}
	fee := widgets.NewField("", "0,00 (380,00 € TTC au plus)")
	post := widgets.NewCheckField("Imputer les honoraires au compte du vendeur (écriture à la date de l'état daté)", false)
	buyer := widgets.NewField("", "450xxx ou nom de l'acquéreur (facultatif)")
	proc := widgets.NewTextArea(procedures, 3)
	proc.PlaceHolder = "Procédures en cours (gardé pour les prochains états datés)"
	pre := widgets.NewCheckField("Pré-état daté : les informations à remettre avant la promesse de vente", false)

	fields := []widgets.FormField{date}
	for _, c := range lotChecks {
		fields = append(fields, c)
	}
	fields = append(fields, fee, post, buyer, proc, pre)
	title := "État daté du lot " + lot
	if lot == "" {
		title = "État daté — " + ownerName(seller)
	}
	f := s.newForm(title, "Enregistrer le PDF", fields...)
	f.width = 760
	f.submit = func() error {
		at, err := parseDate("Date de l'état daté", date.Text)
		if err != nil {
			return err
		}
		req := sale.Request{At: at, Pre: pre.Checked, Buyer: buyer.Text}
		for i, c := range lotChecks {
			if c.Checked {
				req.Lots = append(req.Lots, lotNumbers[i])
			}
		}
		if strings.TrimSpace(fee.Text) != "" {
			if req.Fee, err = ledger.ParseAmount(fee.Text); err != nil {
				return ledger.Wrap(ledger.Invalid, err, "Honoraires : %s", ledger.Message(err))
			}
		}
		if post.Checked && req.Fee == 0 {
			s.win.Canvas().Focus(fee)
			return ledger.Errorf(ledger.Invalid, "Indiquez les honoraires à imputer au vendeur, ou décochez « Imputer les honoraires »")
		}
		if strings.TrimSpace(proc.Text) != strings.TrimSpace(procedures) {
			if err := sale.SetProcedures(s.res, proc.Text); err != nil {
				return err
			}
			procedures = proc.Text
		}
		// Everything is checked before the fee is posted.
		if _, err := sale.Make(s.res, req); err != nil {
			return err
		}
		if post.Checked {
			if _, err := sale.ChargeFee(s.res, req.Lots, at, req.Fee); err != nil {
				return err
			}
			req.FeePosted = true
			post.SetChecked(false) // posted once, whatever follows
			s.changed()
		}
		d, err := sale.Make(s.res, req)
		if err != nil {
			return err
		}
		dir, err := s.res.DocumentsSubfolder(sale.Folder)
		if err != nil {
			return err
		}
		meta := d.Produced(dir, s.now())
		if err := d.Write(s.res, meta); err != nil {
			return err
		}
		of := " du "
		if len(d.Lots) > 1 {
			of = " des "
		}
		msg := fmt.Sprintf("%s%s%s au %s écrit : le vendeur doit %s, le syndicat lui doit %s, l'acquéreur devra %s",
			d.Title(), of, d.LotsText(), ledger.FrenchDate(at), d.SellerOwes, d.SyndicatOwes, d.BuyerWillOwe)
		if d.Buyer != nil && d.Buyer.Opposable {
			msg += " ; le syndic peut s'opposer (art. 20 II)"
		}
		s.openWritten(msg, meta.Path)
		return nil
	}
	lotsBox := container.NewVBox()
	for _, c := range lotChecks {
		lotsBox.Add(c)
	}
	head := widgets.Note(fmt.Sprintf("Vendeur : %s. Ce que le vendeur doit, ce que le syndicat lui doit, ce que l'acquéreur devra (décret 1967 art. 5). "+
		"Honoraires à la charge du seul vendeur : 380 € TTC au plus par vente (décret 2020-153).", ownerName(seller)))
	rows := []fyne.CanvasObject{formLabel("Date *"), date, formLabel("Lots vendus"), lotsBox, formLabel("Honoraires"), fee,
		formLabel(""), post, formLabel("Acquéreur (art. 20 II)"), buyer, formLabel("Procédures en cours"), proc}
	content := container.NewVBox(head, container.New(layout.NewFormLayout(), rows...), pre,
		widgets.Note("* obligatoire. Le PDF va dans le sous-dossier « "+sale.Folder+" » des documents, inscrit au registre."))
	f.show(content, date)
}
