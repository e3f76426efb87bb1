/** Signing and encryption key lifecycle for SatuPintu. */
package id.satupintu.keys;
