// The picker's texts in the two interface languages the library does not ship.
import type { I18n } from 'emoji-picker-element/shared'

export const fi: I18n = {
  categoriesLabel: 'Luokat',
  emojiUnsupportedMessage: 'Selaimesi ei tue värillisiä emojeja.',
  favoritesLabel: 'Suosikit',
  loadingMessage: 'Ladataan…',
  networkErrorMessage: 'Emojeja ei voitu ladata.',
  regionLabel: 'Emojivalitsin',
  searchDescription: 'Kun hakutuloksia on, valitse ylä- ja alanuolella ja vahvista Enterillä.',
  searchLabel: 'Hae',
  searchResultsLabel: 'Hakutulokset',
  skinToneDescription: 'Avattuna valitse ylä- ja alanuolella ja vahvista Enterillä.',
  skinToneLabel: 'Valitse ihonväri (nyt {skinTone})',
  skinTonesLabel: 'Ihonvärit',
  skinTones: ['Oletus', 'Vaalea', 'Keskivaalea', 'Keskitumma', 'Tummahko', 'Tumma'],
  categories: {
    custom: 'Omat',
    'smileys-emotion': 'Hymiöt ja tunteet',
    'people-body': 'Ihmiset ja keho',
    'animals-nature': 'Eläimet ja luonto',
    'food-drink': 'Ruoka ja juoma',
    'travel-places': 'Matkat ja paikat',
    activities: 'Toiminta',
    objects: 'Esineet',
    symbols: 'Symbolit',
    flags: 'Liput',
  },
}

export const el: I18n = {
  categoriesLabel: 'Κατηγορίες',
  emojiUnsupportedMessage: 'Το πρόγραμμα περιήγησης δεν υποστηρίζει έγχρωμα emoji.',
  favoritesLabel: 'Αγαπημένα',
  loadingMessage: 'Φόρτωση…',
  networkErrorMessage: 'Δεν ήταν δυνατή η φόρτωση των emoji.',
  regionLabel: 'Επιλογή emoji',
  searchDescription:
    'Όταν υπάρχουν αποτελέσματα, επιλέξτε με το πάνω ή κάτω βέλος και πατήστε Enter.',
  searchLabel: 'Αναζήτηση (στα αγγλικά)',
  searchResultsLabel: 'Αποτελέσματα αναζήτησης',
  skinToneDescription: 'Όταν είναι ανοιχτό, επιλέξτε με το πάνω ή κάτω βέλος και πατήστε Enter.',
  skinToneLabel: 'Επιλέξτε απόχρωση δέρματος (τώρα {skinTone})',
  skinTonesLabel: 'Αποχρώσεις δέρματος',
  skinTones: ['Προεπιλογή', 'Ανοιχτή', 'Μεσαία ανοιχτή', 'Μεσαία', 'Μεσαία σκούρα', 'Σκούρα'],
  categories: {
    custom: 'Προσαρμοσμένα',
    'smileys-emotion': 'Φατσούλες και συναισθήματα',
    'people-body': 'Άνθρωποι και σώμα',
    'animals-nature': 'Ζώα και φύση',
    'food-drink': 'Φαγητό και ποτό',
    'travel-places': 'Ταξίδια και μέρη',
    activities: 'Δραστηριότητες',
    objects: 'Αντικείμενα',
    symbols: 'Σύμβολα',
    flags: 'Σημαίες',
  },
}
