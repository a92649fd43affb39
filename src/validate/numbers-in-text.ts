// Sources write small numbers as words ("seven in this financial year",
// "Nine of the 25 approved adopters"), so a quote proves a number if it holds
// either form.
const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};

/**
 * Every number written in a text, as digits ("1,456", "8.5%") or as a word.
 * @example numbersInText('from 740 days in 2013/14 to 514 days') // [740, 2013, 14, 514]
 */
export function numbersInText(text: string): number[] {
  const digits = [...text.matchAll(/\d[\d,]*(?:\.\d+)?/g)]
    .map((match) => match[0].replace(/,(?=\d{3}\b)/g, '').replace(/,$/, ''))
    .filter(isExact)
    .map(Number);
  const words = [...text.toLowerCase().matchAll(/[a-z]+/g)]
    .map((match) => NUMBER_WORDS[match[0]])
    .filter((value): value is number => value !== undefined);
  return [...digits, ...words];
}

/**
 * Whether a run of digits reads as exactly that number: past 2^53 digits
 * are lost ("999999999999999999999" would prove 1e21), so such a run proves
 * nothing.
 */
function isExact(digits: string): boolean {
  const whole = digits.split('.')[0]!.replace(/^0+(?=\d)/, '');
  return Number.isSafeInteger(Number(whole)) && String(Number(whole)) === whole;
}

/** @example textStatesNumber('still 88 days above', 88) // true */
export function textStatesNumber(text: string, value: number): boolean {
  return numbersInText(text).some((found) => Math.abs(found - value) < 1e-9);
}
