import { Badge } from "@/components/ui/badge";
import { ExamplePrompt } from "./run-draft";

export interface SkillView {
  skillId: string;
  name: string;
  description: string;
  tags: string[];
  examples: string[];
  inputModes?: string[];
  outputModes?: string[];
}

/**
 * An agent's skills with their examples: what buyers match their task
 * against. With `examplesFillRun` (the agent page), an example is a button
 * that fills the run form.
 */
export function SkillList({ skills, examplesFillRun = false }: { skills: SkillView[]; examplesFillRun?: boolean }) {
  return (
    <ul className="divide-y divide-border">
      {skills.map((skill) => (
        <li key={skill.skillId} className="min-w-0 space-y-2 py-4 first:pt-0 last:pb-0" data-testid="skill">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-medium break-words">{skill.name}</h3>
            {skill.tags.map((tag) => (
              <Badge key={tag} variant="outline">
                {tag}
              </Badge>
            ))}
          </div>
          <p className="text-sm break-words text-muted-foreground">{skill.description}</p>
          {skill.examples.length ? (
            <ul className="space-y-1" aria-label={`Example requests for ${skill.name}`}>
              {skill.examples.map((example) => (
                <li key={example}>
                  {examplesFillRun ? (
                    <ExamplePrompt text={example} />
                  ) : (
                    <p className="rounded-md bg-muted px-3 py-1.5 text-sm break-words">&ldquo;{example}&rdquo;</p>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          {skill.inputModes?.length ? (
            <p className="text-xs text-muted-foreground">
              Accepts {skill.inputModes.join(", ")} · returns {skill.outputModes?.join(", ")}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
