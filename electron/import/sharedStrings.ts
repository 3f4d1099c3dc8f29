import { XmlChunks } from './xmlChunks';

/**
 * A workbook's shared strings part (`xl/sharedStrings.xml`), read as it streams in: each `<si>`'s text, its
 * rich-text runs (`<r><t>`) joined. Phonetic runs (`<rPh>`, the readings Excel keeps for Japanese text typed
 * through an input method) are left out: they are a reading aid, not the cell's text. (exceljs's reader
 * kept the last `<t>` of an item, so a cell "東京電力" with its readings read "デンリョク".)
 */
export class SharedStringsScanner extends XmlChunks {
  readonly strings: string[] = [];
  private item: string | null = null;
  private phonetic = false;

  constructor() {
    super('shared strings part');
  }

  protected open(name: string, _s: string, _from: number, _to: number, selfClosing: boolean): void {
    switch (name) {
      case 'si':
        if (selfClosing) this.strings.push('');
        else this.item = '';
        return;
      case 'rPh':
        if (!selfClosing) this.phonetic = true;
        return;
      case 't':
        if (this.item !== null && !this.phonetic && !selfClosing) this.startText();
        return;
      default:
        return;
    }
  }

  protected close(name: string): void {
    switch (name) {
      case 't':
        if (this.capturingText) this.item += this.endText();
        return;
      case 'rPh':
        this.phonetic = false;
        return;
      case 'si':
        if (this.item !== null) this.strings.push(this.item);
        this.item = null;
        return;
      default:
        return;
    }
  }
}
