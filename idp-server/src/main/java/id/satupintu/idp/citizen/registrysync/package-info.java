/**
 * Keeps citizen accounts in step with the population registry's change events (issue 3): a death
 * ends the account's sessions and grants at once; name, address and family changes reach the next
 * ID token and userinfo response through the stored account. Events carry the whole record and its
 * version, so applying is a conditional write and duplicates or late events change nothing.
 */
package id.satupintu.idp.citizen.registrysync;
