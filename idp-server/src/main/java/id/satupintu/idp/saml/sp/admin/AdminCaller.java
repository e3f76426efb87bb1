package id.satupintu.idp.saml.sp.admin;

import id.satupintu.idp.agency.admin.AgencyAdminController;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The scope check of the admin API, repeated in the controllers so that a looser chain still cannot let other tokens in. */
final class AdminCaller {

    private AdminCaller() {
    }

    static boolean isAdmin(Authentication caller) {
        return caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(AgencyAdminController.REQUIRED_AUTHORITY::equals);
    }

    static String name(Authentication caller) {
        return caller == null ? null : caller.getName();
    }
}
