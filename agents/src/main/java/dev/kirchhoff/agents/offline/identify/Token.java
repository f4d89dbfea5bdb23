package dev.kirchhoff.agents.offline.identify;

/**
 * One word, number or sign of a prompt, in lower case.
 *
 * @param text  the word as read (a misspelling corrected)
 * @param typed the word as typed, in lower case
 * @param glued true when a hyphen or slash joins it to the previous token with no space ("ESP32-C3", "BME-820")
 */
record Token(String text, String typed, boolean glued) {

    boolean isWord() {
        return !text.isEmpty() && Character.isLetter(text.charAt(0)) && text.chars().allMatch(Character::isLetter);
    }

    boolean isInteger() {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    boolean isPunctuation() {
        return text.length() == 1 && !Character.isLetterOrDigit(text.charAt(0));
    }

    Token corrected(String to) {
        return new Token(to, typed, glued);
    }
}
