package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"tantieme/app"
	"tantieme/internal/fr"
	"tantieme/ledger"
	"tantieme/ui/widgets"
)

// meterForm creates a meter (mt nil) or changes one's fiche: the seed's
// code of 3 characters, year, label, the two keys, plus the unit, the unit
// price and the general meter's indexes.
func (m *metersScreen) meterForm(mt *ledger.Meter) {
	s := m.s
	creating := mt == nil
	v := ledger.Meter{Year: s.exercise.Year(), Unit: "m3"}
	if !creating {
		v = *mt
	}
	keys, err := s.res.Keys()
	if err != nil {
		s.showError(err)
		return
	}
	var keyOpts []string
	for _, k := range keys {
		keyOpts = append(keyOpts, k.Code+" — "+k.Label)
	}
	keyOf := func(sel *widget.Select) string {
		if i := sel.SelectedIndex(); i >= 0 {
			return keys[i].Code
		}
		return ""
	}
	selectKey := func(code string) *widget.Select {
		sel := widget.NewSelect(keyOpts, nil)
		sel.PlaceHolder = "Choisir une clé"
		for i, k := range keys {
			if k.Code == code {
				sel.SetSelectedIndex(i)
			}
		}
		return sel
	}
	code := widgets.NewField(v.Code, "3 caractères : EAU, ECH, CHA…")
	year := widgets.NewField(strconv.Itoa(v.Year), "AAAA")
	if !creating {
		code.Disable()
		year.Disable()
	}
	label := widgets.NewField(v.Label, "par exemple : Eau froide")
	unit := widgets.NewField(v.Unit, "m3, kWh…")
	price := widgets.NewField(sharesText(v.UnitPrice), "euros par unité, par exemple 3,125")
	gOld, gNew := widgets.NewField("", "ancien index"), widgets.NewField("", "nouvel index")
	if v.HasGeneral {
		gOld.SetText(fr.Shares(v.GeneralOld))
		gNew.SetText(fr.Shares(v.GeneralNew))
	}
	est, act := selectKey(v.EstimateKey), selectKey(v.ActualKey)
	title := "Nouveau compteur"
	if !creating {
		title = "Modifier le compteur " + v.Code + " de " + strconv.Itoa(v.Year)
	}
	f := s.newForm(title, "Enregistrer", code, year, label, unit, price, gOld, gNew)
	f.width = 640
	f.submit = func() error {
		w := v
		w.Code, w.Label, w.Unit = strings.ToUpper(strings.TrimSpace(code.Text)), strings.TrimSpace(label.Text), strings.TrimSpace(unit.Text)
		y, err := strconv.Atoi(strings.TrimSpace(year.Text))
		if err != nil {
			s.win.Canvas().Focus(year)
			return ledger.Errorf(ledger.Invalid, "Année : « %s » n'est pas une année (par exemple %d)", year.Text, s.exercise.Year())
		}
		w.Year = y
		if w.UnitPrice, err = parseMeterNumber(price.Text); err != nil {
			s.win.Canvas().Focus(price)
			return ledger.Wrap(ledger.Invalid, err, "Prix unitaire : %s", ledger.Message(err))
		}
		w.EstimateKey, w.ActualKey = keyOf(est), keyOf(act)
		w.HasGeneral = strings.TrimSpace(gOld.Text) != "" || strings.TrimSpace(gNew.Text) != ""
		if w.HasGeneral {
			if w.GeneralOld, err = parseMeterNumber(gOld.Text); err != nil {
				return ledger.Wrap(ledger.Invalid, err, "Compteur général, ancien index : %s", ledger.Message(err))
			}
			if w.GeneralNew, err = parseMeterNumber(gNew.Text); err != nil {
				return ledger.Wrap(ledger.Invalid, err, "Compteur général, nouvel index : %s", ledger.Message(err))
			}
		}
		if err := s.res.SaveMeter(w, creating); err != nil {
			return err
		}
		verb := "créé"
		if !creating {
			verb = "modifié"
		}
		s.say(fmt.Sprintf("Compteur %s de %d %s", strings.ToUpper(w.Code), w.Year, verb))
		m.meters = append(m.meters, w) // chosen by reload
		m.cur = len(m.meters) - 1
		m.reload()
		return nil
	}
	form := widget.NewForm(
		widget.NewFormItem("Code *", code), widget.NewFormItem("Année *", year), widget.NewFormItem("Libellé *", label),
		widget.NewFormItem("Clé d'estimation *", est), widget.NewFormItem("Clé de consommation *", act),
		widget.NewFormItem("Unité", unit), widget.NewFormItem("Prix unitaire (€)", price),
		widget.NewFormItem("Compteur général", container.NewGridWithColumns(2, gOld, gNew)))
	help := "La clé d'estimation sert aux appels de charges ; la clé de consommation réelle, aux factures et à la clôture. " +
		"Créez-les d'abord dans « Clés et tantièmes », sans tantièmes : les relevés les rempliront. * obligatoire."
	first := fyne.Focusable(code)
	if !creating {
		first = label
	}
	f.show(container.NewVBox(form, widgets.Note(help)), first)
}

func (m *metersScreen) deleteMeter() {
	mt := m.meter()
	if mt == nil {
		return
	}
	if len(m.lines) > 0 {
		m.s.inform("Compteur non supprimé", theme.InfoIcon(), fmt.Sprintf("Le compteur %s de %d a %s de relevés : supprimez-les d'abord (bouton « Détail… » de chaque ligne). "+
			"Un compteur ne se supprime que sans relevés.", mt.Code, mt.Year, fr.Count(len(m.lines), "ligne", "lignes")))
		return
	}
	code, year := mt.Code, mt.Year
	m.s.confirm(fmt.Sprintf("Supprimer le compteur %s de %d ?", code, year), fmt.Sprintf("Le compteur « %s » sera supprimé ; ses clés %s et %s restent.", mt.Label, mt.EstimateKey, mt.ActualKey),
		"Supprimer", "Garder le compteur", func() {
			if err := m.s.res.DeleteMeter(code, year); err != nil {
				m.s.showError(err)
				return
			}
			m.s.say(fmt.Sprintf("Compteur %s de %d supprimé", code, year))
			m.cur = -1
			m.reload()
		})
}

func (m *metersScreen) importReadings() {
	mt := m.meter()
	if mt == nil {
		return
	}
	code, year := mt.Code, mt.Year
	s := m.s
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		var res app.MeterImport
		s.runLong("Import des relevés", func() (err error) {
			res, err = s.res.ImportMeterReadings(code, year, path)
			return err
		}, func() {
			s.say(fmt.Sprintf("%s importé%s dans le compteur %s de %d", fr.Count(res.Rows, "relevé", "relevés"), fr.S(res.Rows), code, year))
			m.choose(m.cur)
		})
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".xlsm", ".csv", ".txt"}))
	d.SetTitleText("Relevés à importer : colonnes Lot, Ancien index, Nouvel index (ou Consommation), Estimation, Forfait")
	d.SetConfirmText("Importer")
	d.SetDismissText("Annuler")
	d.Show()
}

// applyKeys asks which key to update, says what will change, then writes.
func (m *metersScreen) applyKeys() {
	mt := m.meter()
	if mt == nil {
		return
	}
	s := m.s
	actual := fmt.Sprintf("Clé %s, consommation réelle : les consommations relevées (pour la clôture)", mt.ActualKey)
	estimate := fmt.Sprintf("Clé %s, estimation : les estimations (pour les appels)", mt.EstimateKey)
	choice := widget.NewRadioGroup([]string{actual, estimate}, nil)
	choice.SetSelected(actual)
	f := s.newForm("Mettre à jour les tantièmes", "Continuer…")
	f.width = 640
	f.submit = func() error {
		role := ledger.ActualRole
		if choice.Selected == estimate {
			role = ledger.EstimateRole
		}
		ch, err := s.res.PlanMeterKey(mt.Code, mt.Year, role)
		if err != nil {
			return err
		}
		f.close()
		code, year := mt.Code, mt.Year
		s.confirm(fmt.Sprintf("Mettre à jour la clé %s ?", ch.Key), fr.Sentence(fr.UpperFirst(app.MeterChangeText(ch)))+
			" Les tantièmes actuels de la clé sont remplacés, et son total déclaré suit.", "Mettre à jour", "Annuler", func() {
			done, err := s.res.ApplyMeterKey(code, year, role)
			if err != nil {
				s.showError(err)
				return
			}
			s.say(fr.UpperFirst(app.MeterChangeText(done)))
			s.changed()
		})
		return errStay
	}
	f.show(container.NewVBox(widgets.Note("Quelle clé le relevé du compteur "+mt.Code+" doit-il remplir ?"), choice,
		widgets.Note("Une clé d'estimation ne doit pas avoir servi à un appel déjà fait, ni une clé de consommation à une clôture : "+
			"la répartition déjà faite ne suivrait plus les tantièmes.")), nil)
}

// readingForm changes what the grid does not show: the period, a forced
// or flat consumption and its reason, a meter changed during the year; and
// deletes the line.
func (m *metersScreen) readingForm(l *meterLine) {
	mt := m.meter()
	if mt == nil {
		return
	}
	s := m.s
	rd := l.current()
	period := widgets.NewField(rd.Period, "par exemple : 01/01 – 31/12")
	// The seed: « Il est possible d'affecter la même période à toutes les lignes ».
	allPeriod := widgets.NewCheckField("Donner cette période à toutes les lignes du compteur", false)
	forced := widgets.NewCheckField("Consommation forcée (ne suit pas les index)", rd.Forced && !rd.Flat)
	flat := widgets.NewCheckField("Compteur non relevé : consommation forfaitaire", rd.Flat)
	value := widgets.NewField("", "consommation retenue")
	if rd.Forced {
		value.SetText(fr.Shares(rd.ForcedValue))
	}
	reason := widgets.NewField(rd.Reason, "pourquoi : compteur remis à zéro, fuite, non relevé…")
	changed := widgets.NewCheckField("Compteur changé dans l'année", rd.Changed)
	end, start := widgets.NewField("", "index de dépose de l'ancien"), widgets.NewField("", "index de pose du nouveau")
	if rd.Changed {
		end.SetText(fr.Shares(rd.ChangedEnd))
		start.SetText(fr.Shares(rd.ChangedStart))
	}
	f := s.newForm(fmt.Sprintf("Relevé du lot %s — compteur %s %d", rd.Lot, mt.Code, mt.Year), "Enregistrer", period, allPeriod, forced, flat, value, reason, changed, end, start)
	f.width = 640
	f.submit = func() error {
		w := rd
		w.Period, w.Reason = period.Text, reason.Text
		w.Flat = flat.Checked
		w.Forced = forced.Checked || flat.Checked
		w.Changed = changed.Checked
		var err error
		if w.Forced {
			if w.ForcedValue, err = parseMeterNumber(value.Text); err != nil {
				return ledger.Wrap(ledger.Invalid, err, "Consommation : %s", ledger.Message(err))
			}
		} else {
			w.ForcedValue, w.Reason = decimal.Zero, ""
		}
		if w.Changed {
			if w.ChangedEnd, err = parseMeterNumber(end.Text); err != nil {
				return ledger.Wrap(ledger.Invalid, err, "Index de dépose : %s", ledger.Message(err))
			}
			if w.ChangedStart, err = parseMeterNumber(start.Text); err != nil {
				return ledger.Wrap(ledger.Invalid, err, "Index de pose : %s", ledger.Message(err))
			}
		}
		if err := s.res.SaveMeterReading(mt.Code, mt.Year, w); err != nil {
			return err
		}
		s.say(fmt.Sprintf("Relevé du lot %s enregistré", w.Lot))
		if allPeriod.Checked {
			n, err := s.res.SetMeterPeriod(mt.Code, mt.Year, w.Period)
			if err != nil {
				return err
			}
			s.say(fmt.Sprintf("Relevé du lot %s enregistré ; période « %s » donnée à %s", w.Lot, strings.TrimSpace(w.Period), fr.Count(n, "ligne", "lignes")))
		}
		m.choose(m.cur)
		return nil
	}
	remove := widgets.NewButton("Supprimer la ligne", theme.DeleteIcon(), widget.MediumImportance, func() {
		f.close()
		s.confirm(fmt.Sprintf("Supprimer la ligne du lot %s ?", rd.Lot), fmt.Sprintf("Le relevé du lot %s est retiré du compteur %s de %d.", rd.Lot, mt.Code, mt.Year),
			"Supprimer", "Garder la ligne", func() {
				if err := s.res.DeleteMeterReading(mt.Code, mt.Year, rd.Lot); err != nil {
					s.showError(err)
					return
				}
				s.say(fmt.Sprintf("Ligne du lot %s supprimée", rd.Lot))
				m.choose(m.cur)
			})
	})
	f.extra = []fyne.CanvasObject{remove}
	form := widget.NewForm(widget.NewFormItem("Période", period), widget.NewFormItem("", allPeriod), widget.NewFormItem("", forced), widget.NewFormItem("", flat),
		widget.NewFormItem("Consommation", value), widget.NewFormItem("Motif", reason), widget.NewFormItem("", changed),
		widget.NewFormItem("Index", container.NewGridWithColumns(2, end, start)))
	f.show(container.NewVBox(form, widgets.Note("Compteur changé : la consommation est l'ancien compteur (de l'ancien index à sa dépose) "+
		"plus le nouveau (de sa pose au nouvel index).")), period)
}
