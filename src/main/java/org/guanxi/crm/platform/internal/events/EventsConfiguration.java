package org.guanxi.crm.platform.internal.events;

import java.util.UUID;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.guanxi.crm.platform.WorkspaceContext;
import org.guanxi.crm.platform.WorkspaceEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Module listeners ({@link ApplicationModuleListener}) run after the publisher's commit, on a
 * thread of their own, in a transaction of their own; Spring Modulith's event publication registry
 * keeps each publication until its listener succeeded. This configuration makes such a listener run
 * in its event's workspace: the advice runs outside the listener's transaction, so that the
 * connection the transaction borrows already carries the workspace.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class EventsConfiguration {

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static Advisor moduleListenersRunInTheirEventsWorkspace() {
    DefaultPointcutAdvisor advisor =
        new DefaultPointcutAdvisor(
            AnnotationMatchingPointcut.forMethodAnnotation(ApplicationModuleListener.class),
            new InTheEventsWorkspace());
    advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return advisor;
  }

  private static final class InTheEventsWorkspace implements MethodInterceptor {

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
      UUID workspace = null;
      for (Object argument : invocation.getArguments()) {
        if (argument instanceof WorkspaceEvent event) {
          workspace = event.workspaceId();
        }
      }
      if (workspace == null) {
        throw new IllegalStateException(
            invocation.getMethod() + " listens to an event without a workspace (WorkspaceEvent)");
      }
      UUID previous = WorkspaceContext.current().orElse(null);
      WorkspaceContext.enter(workspace);
      try {
        return invocation.proceed();
      } finally {
        if (previous == null) {
          WorkspaceContext.clear();
        } else {
          WorkspaceContext.enter(previous);
        }
      }
    }
  }
}
