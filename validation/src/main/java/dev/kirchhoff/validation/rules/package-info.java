/** The rules, one class per group; each rule is a small final class or a constant built from a lambda. */
package dev.kirchhoff.validation.rules;
